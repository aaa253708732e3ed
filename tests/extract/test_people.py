"""Who is who in an article (extract/people.py), seen through the events it gives.

Each article is ours: the people are invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.extract.people import find_people
from casefile.model import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def subjects(nlp: Language, text: str, type_: str) -> list[str]:
    found = extract(Article(text=text, published=date(2026, 2, 16)), nlp).events
    return [e.subject for e in found if e.type == type_]


def test_a_name_heading_opens_that_persons_section(nlp: Language) -> None:
    text = (
        "The alliance urged Kazakhstan today to stop sending people back to Russia.\n\n"
        "Arman Sadykov.\n\n"
        "The blogger was put out of Kazakhstan late in January. "
        "Officers took him into custody as soon as his plane touched down in Moscow.\n\n"
        "Ruslan Dzhabrailov.\n\n"
        "The Chechen campaigner was denied asylum by a review board in December 2025. "
        "On 30 January, the prosecutor general approved Moscow's demand to extradite him.\n\n"
        "Pavel Gorin.\n\n"
        "On 5 February, an Astana judge denied refugee status to the former soldier."
    )
    assert subjects(nlp, text, "extradition_decision") == ["Ruslan Dzhabrailov"]
    assert sorted(subjects(nlp, text, "asylum_decision")) == ["Pavel Gorin", "Ruslan Dzhabrailov"]


def test_his_after_someones_rejected_request_is_that_person(nlp: Language) -> None:
    text = (
        "Timur Aliev has lived in the airport's transit hall since Turkey deported him. "
        "He fears jail if he is sent home. "
        "Ruslan Dzhabrailov's bid for refugee status was turned down in late December. "
        "His lawyers appealed and wrote to the United Nations for help."
    )
    assert subjects(nlp, text, "appeal") == ["Ruslan Dzhabrailov"]


def test_two_names_the_model_splits_are_one_person(nlp: Language) -> None:
    doc = nlp("Ahmed Yousif Mohamed Ali was held in October. He remains in custody.")
    people = find_people(doc)

    assert [r.name for r in people.records] == ["Ahmed Yousif Mohamed Ali"]
    assert people.of(doc[9]) == 0  # "He"


def test_a_man_suspected_of_a_crime_is_not_yet_charged(nlp: Language) -> None:
    text = "Officers caught a Laotian man suspected of stabbing the lawmaker Sok Chenda."
    assert subjects(nlp, text, "charge") == []


def test_an_authority_saying_he_is_suspected_charges_him(nlp: Language) -> None:
    text = (
        "The security service said in a statement that the blogger Aibek Toktogulov "
        "is suspected of calling for mass unrest."
    )
    assert subjects(nlp, text, "charge") == ["Aibek Toktogulov"]


def test_two_people_the_parser_reads_as_one_long_name_are_both_wanted(nlp: Language) -> None:
    text = (
        "The activist Lev Orlin was abducted in Bishkek on Monday. "
        "Orlin and fellow activist Ruslan Temirov, both members of the Left Front, "
        "were wanted by Russian police over a rally they held in Samara."
    )
    assert sorted(subjects(nlp, text, "wanted")) == ["Lev Orlin", "Ruslan Temirov"]


def test_one_of_scores_of_politicians_banned_is_that_person(nlp: Language) -> None:
    text = (
        "The former lawmaker Sok Chenda was shot dead in Bangkok on Tuesday. "
        "Sok Chenda was one of scores of former opposition deputies who had been banned "
        "from public office."
    )
    assert subjects(nlp, text, "sanction") == ["Sok Chenda"]


def test_a_wire_leads_unnamed_activist_is_the_person_named_next(nlp: Language) -> None:
    text = (
        "ZAGREB — A Yemeni poet held in Croatia since March on an Interpol red notice "
        "wants to apply for asylum, his supporters said. "
        "Hasan Jaber was detained in November, days after he arrived in Belgrade."
    )
    assert subjects(nlp, text, "wanted") == ["Hasan Jaber"]


def test_two_others_named_in_an_apposition_are_both_detained(nlp: Language) -> None:
    text = (
        "Two other exiles, surgeon Farid Aliyev and opposition politician Gulnar Mammadova, "
        "were picked up by Azerbaijani police this spring."
    )
    assert sorted(subjects(nlp, text, "arrest")) == ["Farid Aliyev", "Gulnar Mammadova"]


def test_an_organisations_name_is_not_a_person(nlp: Language) -> None:
    doc = nlp("The Baltic Exile Support Network condemned the arrest of Pavel Gorin.")
    names = [r.name for r in find_people(doc).records]

    assert "Pavel Gorin" in names
    assert not any("Network" in name for name in names)


def test_her_name_on_a_search_list_makes_her_wanted(nlp: Language) -> None:
    text = (
        "Olga Lind was held at a Bishkek checkpoint on 2 May 2025 "
        "because Moscow had put her name on a cross-border search list."
    )
    assert subjects(nlp, text, "wanted") == ["Olga Lind"]


def test_the_director_of_an_agency_named_after_of_is_that_person(nlp: Language) -> None:
    text = (
        "A week later, Britain imposed sanctions on the head of the SIA "
        "Aleksandar Petrov, whom London accuses of ties to smuggling gangs."
    )
    assert subjects(nlp, text, "sanction") == ["Aleksandar Petrov"]


def test_the_lawyer_of_a_client_named_in_apposition_is_counsel(nlp: Language) -> None:
    doc = nlp(
        "Peter Nilsen was refused entry at the airport on Thursday. The lawyer of Nilsen, "
        "Goran Petrovic, confirmed that the ban was requested by the intelligence agency."
    )
    people = find_people(doc)
    [lawyer] = [i for i, r in enumerate(people.records) if r.name == "Goran Petrovic"]

    assert people.is_counsel(lawyer)


def test_a_friend_of_someone_convicted_is_the_friend(nlp: Language) -> None:
    text = (
        "A federal jury on Monday convicted a friend of the bomber Tamerlan Usmanov, "
        "the student Azat Dzhumabayev, of obstructing justice."
    )
    assert "Tamerlan Usmanov" not in subjects(nlp, text, "sentence")


def test_found_guilty_is_a_conviction(nlp: Language) -> None:
    text = "The student Azat Dzhumabayev was found guilty of conspiracy on Monday."
    assert subjects(nlp, text, "sentence") == ["Azat Dzhumabayev"]


def test_found_not_guilty_is_no_conviction(nlp: Language) -> None:
    text = "The student Azat Dzhumabayev was found not guilty of conspiracy on Monday."
    assert subjects(nlp, text, "sentence") == []


def test_a_party_blamed_by_police_is_no_person(nlp: Language) -> None:
    text = "Investigators blamed the Workers Party of Portugal for the arson on Friday."
    assert subjects(nlp, text, "charge") == []


def test_someone_who_suspected_others_charges_no_one(nlp: Language) -> None:
    text = (
        "The lawyer asked the agent whether there was any evidence that Ruslan Matov "
        "had suspected the brothers of taking part in the attack."
    )
    assert subjects(nlp, text, "charge") == []


def test_his_body_after_armed_men_took_his_cousin_is_the_cousins(nlp: Language) -> None:
    text = (
        "Russia extradited the blogger Adam Basayev to Grozny on Sept. 9, his sister said. "
        "Basayev fled to Turkey in 2021.\n\n"
        "Armed men took Basayev's cousin, Ruslan Basayev, from his home in August, "
        "relatives said. His body was handed over to the family on Sept. 2; "
        "the authorities have said he died of heart failure."
    )
    assert subjects(nlp, text, "death") == ["Ruslan Basayev"]


def test_the_i_of_a_quotation_is_its_speaker_and_his_claim_is_reported(nlp: Language) -> None:
    text = (
        "The activist Marat Zhanuzak was released on Monday. "
        '"I was beaten every night," Zhanuzak told reporters.'
    )
    found = extract(Article(text=text, published=date(2026, 3, 6)), nlp).events
    [beating] = [e for e in found if e.type == "ill_treatment"]

    assert (beating.subject, beating.certainty) == ("Marat Zhanuzak", "reported")
    assert beating.date is None  # every night: no one day


def test_abuse_his_lawyer_reports_is_asserted(nlp: Language) -> None:
    text = (
        "The activist Marat Zhanuzak was released on Monday. "
        'His lawyer said: "My client was beaten in the cell."'
    )
    found = extract(Article(text=text, published=date(2026, 3, 6)), nlp).events
    [beating] = [e for e in found if e.type == "ill_treatment"]

    assert (beating.subject, beating.certainty) == ("Marat Zhanuzak", "asserted")


def test_the_man_after_an_unnamed_suspect_is_the_suspect(nlp: Language) -> None:
    text = (
        "VIENTIANE, May 4 (Lake Wire) — Laotian police have seized a Thai man suspected of "
        "stabbing the lawmaker Sok Chenda. The suspect was found after a two-day search, "
        "police colonel Anan Chaiya said on Friday. Investigators realised that the man had "
        "crossed the river into Laos."
    )
    assert subjects(nlp, text, "flight") == ["suspect"]


def test_a_spokesman_quoted_twice_is_not_who_the_story_is_about(nlp: Language) -> None:
    doc = nlp(
        "Police spokesman Marat Ospanov said on Monday that officers had detained the blogger "
        "Asel Nurlanova in Almaty. Ospanov told reporters the case was routine. "
        "Ospanov added that more arrests were possible."
    )
    people = find_people(doc)

    assert people.main is not None
    assert people.name(people.main) == "Asel Nurlanova"


def test_all_three_are_the_two_others_and_the_person_of_the_story(nlp: Language) -> None:
    text = (
        "The network condemned the detention in Osh of the activist Pavel Gorin.\n\n"
        "Two other Russian political activists were picked up in Osh this month. "
        "All three criticise the Kremlin and are defendants in prosecutions at home."
    )
    assert sorted(subjects(nlp, text, "charge")) == [
        "Pavel Gorin",
        "Two other Russian political activists",
    ]


def test_the_outlet_of_a_dateline_is_no_person(nlp: Language) -> None:
    text = (
        "ISTANBUL, March 14 (Bosphorus Wire) — Turkish police have detained a Kazakh "
        "opposition blogger who fled his country, his lawyer said on Friday.\n\n"
        "Nurlan Sadykov, 41, was taken into custody at his flat on Tuesday night, "
        "lawyer Emre Yilmaz told Bosphorus Wire."
    )
    names = [r.name for r in find_people(nlp(text)).records]

    assert "Bosphorus Wire" not in names
    assert subjects(nlp, text, "arrest") == ["Nurlan Sadykov"]


def test_the_person_a_title_names_is_whom_the_story_is_about(nlp: Language) -> None:
    text = (
        "Bakhrom Tursunov says he went to the court in Khujand with the money in an envelope. "
        "Bakhrom Tursunov had hoped to settle the claim. Bakhrom Tursunov was turned away. "
        "His father, the rights defender Olim Tursunzoda, was sentenced on Monday to seven "
        "more years. He had already served two years of an earlier term."
    )
    titled = Article(
        text=text,
        published=date(2026, 2, 16),
        title="A son's day in court: Tursunzoda handed seven more years",
    )
    assert titled.title is not None
    people = find_people(nlp(text), titled.title)
    assert people.main is not None
    assert people.name(people.main) == "Olim Tursunzoda"
    assert subjects(nlp, text, "sentence") == ["Olim Tursunzoda"]


def test_an_object_pronoun_is_not_its_own_clauses_subject(nlp: Language) -> None:
    text = (
        "The jailed editor Pavel Navumau said on Monday that President Viktar Hrodna "
        "had pardoned him."
    )
    assert subjects(nlp, text, "release") == ["Pavel Navumau"]


# A surname alone is the person the story is about, not a relative named in full beside
# them, even when the relative's name is the longer one (which used to win).
SURNAME_STORIES = [
    (  # wire, the father introduced through "the son of"
        "Kamran Davudov was detained in Baku on Monday. The son of Alimurad Hasan Davudov, "
        "a former deputy minister, he had returned from exile in March. "
        "A court sentenced Davudov to six years on Thursday.",
        "sentence",
        "Kamran Davudov",
    ),
    (  # translated regional press, the father in apposition
        "It has become known that the blogger Ilhom Nurzoda was detained in Dushanbe. "
        "His father, Abdulkodir-Ali Nurzoda, told our correspondent that he has not seen him. "
        "On 12 March the court sentenced Nurzoda to nine years of imprisonment.",
        "sentence",
        "Ilhom Nurzoda",
    ),
    (  # NGO release, the brother named first but as a relative
        "Our organisation is alarmed by the arrest of Dariga Seitkali-Bekova's brother. "
        "Dariga's brother, Nurlan Seitkali-Bekova Omarov, is not the subject of this appeal. "
        "Aigerim Omarov was extradited to Kazakhstan on 3 February. "
        "On 5 February a court in Almaty sentenced Omarov to four years.",
        "sentence",
        "Aigerim Omarov",
    ),
]


@pytest.mark.parametrize(("text", "type_", "subject"), SURNAME_STORIES)
def test_a_bare_surname_is_the_subject_not_a_relative_named_longer(
    nlp: Language, text: str, type_: str, subject: str
) -> None:
    last_sentence = text.rsplit(". ", 1)[-1]
    found = extract(Article(text=text, published=date(2026, 3, 20)), nlp).events
    told = [e for e in found if e.type == type_ and e.evidence in last_sentence]
    assert [e.subject for e in told] == [subject]


# A gendered honorific before a surname two spouses share picks the one of that gender.
HONORIFIC_STORIES = [
    (  # wire
        "Police detained the businessman Kemal Arslan and his wife Zeynep Arslan in Nairobi on "
        "Friday. Mr Arslan was deported to Turkey on Sunday. Mrs Arslan was released on Monday.",
        "release",
        "Zeynep Arslan",
    ),
    (  # translated regional press, the wife named first
        "The teacher Elif Demir and her husband Ahmet Demir were detained at the border on "
        "2 March. According to our correspondent, Mr Demir was deported to Turkey on 5 March.",
        "deportation",
        "Ahmet Demir",
    ),
]


@pytest.mark.parametrize(("text", "type_", "subject"), HONORIFIC_STORIES)
def test_mrs_or_mr_before_a_shared_surname_is_the_spouse_of_that_gender(
    nlp: Language, text: str, type_: str, subject: str
) -> None:
    found = extract(Article(text=text, published=date(2026, 3, 10)), nlp).events
    assert [e.subject for e in found if e.type == type_] == [subject]
