"""An event told of a group goes to the members the article names (GUIDELINES, subjects)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article

PUBLISHED = date(2025, 3, 7)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def subjects(nlp: Language, text: str, event_type: str) -> set[str]:
    events = extract(Article(text=text, published=PUBLISHED), nlp).events
    return {event.subject for event in events if event.type == event_type}


def test_a_counted_group_goes_to_the_list_that_follows(nlp: Language) -> None:
    text = (
        "Police in the territory on Monday put bounties of HK$200,000 on five overseas "
        "campaigners accused of colluding with foreign forces. The five are Lam Chi-wai, "
        "Wong Ka-yan, Tse Man-lok, Joanna Ho and Peter Szeto. All live in Britain or Canada."
    )
    assert subjects(nlp, text, "wanted") == {
        "Lam Chi-wai",
        "Wong Ka-yan",
        "Tse Man-lok",
        "Joanna Ho",
        "Peter Szeto",
    }


def test_a_list_of_another_size_is_not_the_group(nlp: Language) -> None:
    text = (
        "Officers detained four students in Minsk on Friday, the rights centre said. "
        "Its lawyers named Ihar Lis and Maryna Zhuk as two of those it is helping."
    )
    assert not {"Ihar Lis", "Maryna Zhuk"} & subjects(nlp, text, "arrest")


def test_an_uncounted_group_with_no_list_stays_unnamed(nlp: Language) -> None:
    text = (
        "Dozens of opposition supporters have found shelter in Malaysia since the crackdown "
        "ordered by President Arman Tolesh and his nephew Dauren Tolesh."
    )
    assert not {"Arman Tolesh", "Dauren Tolesh"} & subjects(nlp, text, "flight")


def test_an_alias_in_brackets_is_the_same_member(nlp: Language) -> None:
    text = (
        "The security bureau issued arrest warrants for the two on Tuesday. They are "
        "Chan Wai-ming (Raymond Chan) and Ho Ka-lun (Alan Ho), both living in London."
    )
    assert subjects(nlp, text, "wanted") == {"Chan Wai-ming", "Ho Ka-lun"}


def test_a_name_that_modifies_a_place_is_no_person(nlp: Language) -> None:
    text = (
        "The blogger Sreymom Chea fled to Thailand in 2017. The Prey Veng provincial court "
        "sentenced her in absentia to three years in 2018. Prey Veng officials declined to "
        "comment."
    )
    assert subjects(nlp, text, "sentence") == {"Sreymom Chea"}


def test_they_after_a_list_are_its_members(nlp: Language) -> None:
    text = (
        "Prosecutors in Minsk opened a case against the editors of an exiled news site. "
        "The editors are Ales Hrinko, Volha Zhuk and Yuras Matsuk. "
        "They are accused of calling for sanctions against the republic."
    )
    assert subjects(nlp, text, "charge") >= {"Ales Hrinko", "Volha Zhuk", "Yuras Matsuk"}


def test_a_long_list_may_miss_one_name_the_model_did_not_read(nlp: Language) -> None:
    # five counted, four read as names: still the list of the five
    text = (
        "Police put bounties on five campaigners living abroad. Those named were Lam Chi-wai, "
        "Wong Ka-yan, Tse Man-lok, Joanna Ho and Szeto Pak-hei."
    )
    found = subjects(nlp, text, "wanted")
    assert {"Lam Chi-wai", "Wong Ka-yan", "Joanna Ho"} <= found


def test_they_two_sentences_after_the_list_are_still_its_members(nlp: Language) -> None:
    text = (
        "The regional prosecutor published its list of exiled journalists on Friday. "
        "Those listed are the editor Rustam Dzhurayev, the reporter Saodat "
        "Mirzo, the cameraman Timur Valiev and the columnist Gulnora Ismoil. All four left "
        "the country after the 2022 protests. They are charged with spreading false "
        "information and calling for the overthrow of the constitutional order."
    )
    assert {"Rustam Dzhurayev", "Timur Valiev", "Gulnora Ismoil"} <= subjects(nlp, text, "charge")


def test_they_after_other_plural_subjects_is_not_the_list(nlp: Language) -> None:
    text = (
        "The committee named three newspapers, Vesti Dnia, Narodnaya Pravda and Kray, in "
        "its report. The authorities did not comment. They were accused of hiding records "
        "from the auditors."
    )
    assert not subjects(nlp, text, "charge") & {"Vesti Dnia", "Narodnaya Pravda", "Kray"}


def test_names_the_model_calls_organisations_inside_a_list_of_people_are_people(
    nlp: Language,
) -> None:
    text = (
        "Border guards detained six bloggers at the Kordai crossing on Monday. Those held "
        "are the former deputies Amir Haidari, Lina Vosk and Petro Danylo, the unionist "
        "Ana Rusu, and the students Ilie Ceban and Marat Kuanov."
    )
    assert {"Amir Haidari", "Lina Vosk", "Petro Danylo", "Ana Rusu"} <= subjects(
        nlp, text, "arrest"
    )


def test_a_list_set_off_by_semicolons_with_descriptions_names_every_member(
    nlp: Language,
) -> None:
    text = (
        "KAMPALA, March 9 (Lakes Wire) - Gunmen in hoods seized six Eritrean refugees in "
        "three districts of the city on Friday morning, witnesses said. Those taken were "
        "Yonas Tekle, a teacher at a community school, and his 17-year-old son Dawit; "
        "Semere Haile; Luwam Berhe; Filmon Gebre; and Tesfay Kidane."
    )
    assert subjects(nlp, text, "abduction") == {
        "Yonas Tekle",
        "Dawit",
        "Semere Haile",
        "Luwam Berhe",
        "Filmon Gebre",
        "Tesfay Kidane",
    }


def test_a_name_the_model_calls_a_building_inside_a_list_of_people_is_a_person(
    nlp: Language,
) -> None:
    text = (
        "The security service issued warrants for four more exiles on Tuesday. The four "
        "wanted persons are: Ravshan Tursunov, 33 years old; Nodira Saidova, 24 years old; "
        "Bekzod Aliev, 41 years old; and Timur Valiev, 46 years old."
    )
    assert subjects(nlp, text, "wanted") == {
        "Ravshan Tursunov",
        "Nodira Saidova",
        "Bekzod Aliev",
        "Timur Valiev",
    }


def test_members_named_among_a_group_each_have_its_event(nlp: Language) -> None:
    text = (
        "Passports of six exiled activists were cancelled on Tuesday, among them Olzhas "
        "Bekov and Lina Vosk. Six reporters were detained in Almaty on Monday, including "
        "Daniyar Serikov."
    )
    assert subjects(nlp, text, "sanction") == {"Olzhas Bekov", "Lina Vosk"}
    assert subjects(nlp, text, "arrest") == {"Daniyar Serikov"}


def test_a_counted_group_with_its_list_after_a_colon_is_each_member(nlp: Language) -> None:
    # Feature style: the list hangs on the group as an apposition, and the group's
    # noun ("partners") is no word the lexicon knows for people.
    text = (
        "The printer was not the only one. Four partners went missing between May and "
        "July 2016 and later turned up in police custody in Guangzhou: Tam Kei, "
        "Cheung Wai-ming, Lam Ka-po and Ho Siu-fung."
    )
    assert subjects(nlp, text, "abduction") == {
        "Tam Kei",
        "Cheung Wai-ming",
        "Lam Ka-po",
        "Ho Siu-fung",
    }


def test_one_named_among_a_group_keeps_the_event_to_himself(nlp: Language) -> None:
    # Look-alike: "X was among the politicians banned": X only, no list to share it.
    text = (
        "Former deputies Sok Dara and Chea Vanna left the country in 2018. "
        "Meas Rithy was among the many former opposition politicians banned from politics, "
        "yet he chose to stay in Phnom Penh."
    )
    assert subjects(nlp, text, "sanction") <= {"Meas Rithy"}


def test_a_counted_group_takes_a_list_of_its_size_told_far_away(nlp: Language) -> None:
    text = (
        "BISHKEK, March 6 (Wire) - Masked men seized four Tajik exiles in raids across the "
        "city on Wednesday, their relatives said. Witnesses said the men were pushed into "
        "minivans with no plates. The interior ministry declined to comment. Rights groups "
        "fear they will be handed to Dushanbe, where opposition members face long terms. "
        "The relatives named the missing as Firuz Rahmonov, a baker; his cousin Sino "
        "Rahmonov; Parviz Odinaev and Dilafruz Qodirova."
    )
    assert subjects(nlp, text, "abduction") == {
        "Firuz Rahmonov",
        "Sino Rahmonov",
        "Parviz Odinaev",
        "Dilafruz Qodirova",
    }


def test_a_far_list_of_another_size_leaves_the_group_unnamed(nlp: Language) -> None:
    text = (
        "Masked men seized four Tajik exiles in raids across the city on Wednesday. "
        "Witnesses said the men were pushed into minivans with no plates. The interior "
        "ministry declined to comment. Lawyers Anvar Saidov and Malika Umarova said they "
        "would file complaints on behalf of the families."
    )
    assert subjects(nlp, text, "abduction") == {"four Tajik exiles"}


def test_the_group_told_again_keeps_the_count_it_was_told_with(nlp: Language) -> None:
    text = (
        "Security agents detained three exiled preachers in Almaty on Monday, a rights "
        "group said. The detained were Bahrom Nazarov, Sherzod Tursunov and Zafar Yuldashev. "
        "Last week the same agents were seen outside a mosque. The preachers had fled "
        "Uzbekistan in 2019, the group said."
    )
    assert subjects(nlp, text, "flight") == {
        "Bahrom Nazarov",
        "Sherzod Tursunov",
        "Zafar Yuldashev",
    }


def test_part_of_a_named_group_is_told_as_that_part(nlp: Language) -> None:
    # NGO-release style: which three were freed is not said, so no member gets it.
    text = (
        "Unidentified gunmen abducted five exiled journalists in Nairobi on Friday. Those "
        "taken were Omar Tekin, Selin Aksoy, Murat Erdem, Deniz Polat and Kerem Yavuz. "
        "Three of the five have since been freed."
    )
    assert subjects(nlp, text, "release") == {"Three of the five"}


def test_all_of_a_named_group_is_each_member(nlp: Language) -> None:
    # Translated regional-press style: "all of them" is the whole list just given.
    text = (
        "On Tuesday the district court of the city examined the case of the two brothers. "
        "According to the lawyer, the defendants are Ravshan Ismoilov and Jahongir "
        "Ismoilov. All of them were sentenced to seven years of deprivation of liberty."
    )
    assert subjects(nlp, text, "sentence") == {"Ravshan Ismoilov", "Jahongir Ismoilov"}


def test_these_persons_are_the_large_group_just_told_not_an_earlier_list(
    nlp: Language,
) -> None:
    # Court-report style: "these persons" are the 65, not the four named before.
    text = (
        "Four exiled teachers, Ali Demir, Veli Kaya, Hasan Oz and Emre Sahin, were flown "
        "to Ankara on Friday. In 2018 prosecutors in Ankara had opened an investigation "
        "against 65 Turkish citizens living in Kenya, and these persons were accused of "
        "membership in a banned organisation."
    )
    assert subjects(nlp, text, "charge") == {"65 Turkish citizens"}


def test_both_men_are_the_two_people_told_of_just_before(nlp: Language) -> None:
    # wire style: the two were told of in separate sentences, not as a list
    text = (
        "Police detained the blogger Sardor Umarov in Riga on Monday. His colleague Botir "
        "Rasulov was detained in Vilnius the same evening. Days later Tashkent formally "
        "asked Latvia to extradite both men."
    )
    assert subjects(nlp, text, "extradition_request") == {"Sardor Umarov", "Botir Rasulov"}


def test_two_men_told_for_the_first_time_are_a_new_group(nlp: Language) -> None:
    text = (
        "The exiled poet Sardor Umarov was stabbed outside his flat in Bucharest in May. "
        "Two Romanian men were later arrested and charged with wounding."
    )
    assert "Sardor Umarov" not in subjects(nlp, text, "arrest")


def test_a_clause_that_leaves_its_verb_out_shares_the_event(nlp: Language) -> None:
    # court-report style gapping: "and Y to 10 years"
    text = (
        "The blogger Sardor Umarov was sentenced in absentia to 12 years, and his colleague "
        "Botir Rasulov to 10 years."
    )
    assert subjects(nlp, text, "sentence") == {"Sardor Umarov", "Botir Rasulov"}


def test_a_gapped_clause_with_its_own_date_is_not_given_the_first_date(nlp: Language) -> None:
    text = (
        "Umarov was detained at Tashkent airport in November 2020, and Rasulov and Karimov "
        "in raids in Namangan in December 2020."
    )
    events = extract(Article(text=text, published=PUBLISHED), nlp).events
    assert not [e for e in events if e.subject != "Umarov" and e.date == "2020-11"]


def test_persons_counted_are_a_group_of_their_own(nlp: Language) -> None:
    text = (
        "The national security police yesterday arrested four persons suspected of funding "
        "activists abroad through a subscription platform."
    )
    found = extract(Article(text=text, published=date(2023, 12, 14)), nlp).events
    assert [(e.type, e.subject) for e in found if e.type == "arrest"] == [
        ("arrest", "four persons")
    ]


def test_the_pair_are_the_two_people_told_of_just_before(nlp: Language) -> None:
    # wire style: the two are named in separate sentences, then told of as "the couple"
    text = (
        "Police detained the journalist Ales Kruk in Minsk on Monday. His wife, Maryia "
        "Sats, was detained the same evening. The couple were released on bail on Friday."
    )
    assert subjects(nlp, text, "release") == {"Ales Kruk", "Maryia Sats"}


def test_a_couple_of_people_is_no_pair_told_before(nlp: Language) -> None:
    text = (
        "Police detained the journalist Ales Kruk in Minsk on Monday. His wife, Maryia "
        "Sats, was detained the same evening. A couple of students were released on Friday."
    )
    assert not {"Ales Kruk", "Maryia Sats"} & subjects(nlp, text, "release")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forty-two people were detained outside the court in Tbilisi.", "Forty-two people"),
        ("Monitors said police detained 120 people at the rally in Minsk.", "120 people"),
    ],
)
def test_a_counted_crowd_that_is_detained_is_a_group(
    nlp: Language, text: str, expected: str
) -> None:
    assert subjects(nlp, text, "arrest") == {expected}


def test_a_count_of_the_dead_is_no_group(nlp: Language) -> None:
    text = "Gunmen attacked two village offices in Ratanakiri, killing nine people."
    assert subjects(nlp, text, "death") == set()
