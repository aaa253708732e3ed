"""Families of wording for each event type, in the styles casefile reads.

Each family (light verbs of sentencing, refugee recognition, declared wanted,
bounties, custody calques of translated press, exit bans, ...) is tried in
articles of our own, written in a wire, a translated regional, an NGO and a
court-report style. A row asserts the (type, subject) pairs the article must
give; a second table lists look-alikes that must give nothing of that type.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from casefile.extract import extract, load_nlp
from casefile.model import Article

PUBLISHED = date(2025, 11, 14)
INTRO = "The exiled blogger Farrukh Nazarov has written about corruption for a decade. "


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def found(nlp: Language, text: str) -> set[tuple[str, str]]:
    events = extract(Article(text=INTRO + text, published=PUBLISHED), nlp).events
    return {(event.type, event.subject) for event in events}


WHO = "Farrukh Nazarov"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sentences: light verbs, condemnation, a sentence upheld (GUIDELINES: still a sentence)
        ("A Dushanbe court handed down a nine-year term to Nazarov on Monday.", "sentence"),
        ("The regional court gave Nazarov seven years in a strict-regime colony.", "sentence"),
        ("Nazarov was condemned to death by a military tribunal in 2019.", "sentence"),
        ("On Tuesday the Supreme Court upheld his 12-year sentence.", "sentence"),
        ("The appeals chamber confirmed the verdict against Nazarov in April.", "sentence"),
        # wanted: declared wanted, sought arrest, bounties, warrants in absentia
        ("Nazarov was declared wanted by the Interior Ministry in 2020.", "wanted"),
        ("Authorities have sought his arrest since 2018 over a satirical page.", "wanted"),
        ("A district court ordered his arrest in absentia last spring.", "wanted"),
        ("Police put a bounty of 50,000 somoni on Nazarov in 2023.", "wanted"),
        # arrest: round-ups and the custody calques of translated press
        ("Security officers rounded up Nazarov outside a mosque on Friday.", "arrest"),
        ("Nazarov was delivered to the department of internal affairs late at night.", "arrest"),
        ("Nazarov was taken off the plane and led away by security officers.", "arrest"),
        # release: let go, walked free, bail
        ("After two days Nazarov was let go without explanation.", "release"),
        ("Nazarov walked free from the courtroom after the verdict.", "release"),
        ("The judge granted Nazarov bail on Wednesday.", "release"),
        # refugee recognition and protection held
        ("The UN refugee agency recognised Nazarov as a refugee in 2021.", "asylum_decision"),
        ("Nazarov, a recognised refugee in Germany, flew to Istanbul in May.", "asylum_decision"),
        ("He has lived in France with refugee status since 2016.", "asylum_decision"),
        ("Germany gave Nazarov political asylum in 2018.", "asylum_decision"),
        (
            "Thailand sent him back in February 2018, despite his UN refugee status.",
            "asylum_decision",
        ),
        ("Nazarov and Lina Vosk were registered refugees in Kenya.", "asylum_decision"),
        # sentences announced, releases as the end of a term
        ("- June 30, 2024: the judiciary announces his death sentence.", "sentence"),
        ("In October 2017 Nazarov completed his two-year sentence.", "release"),
        # flights told in the active voice
        ("Nazarov flew to Istanbul on Jan. 5, fearing arrest.", "flight"),
        ("Convicted in 2016, Nazarov was barred from leaving Tajikistan.", "sentence"),
        # hearings: testimony, court appearances
        ("Testifying in court on July 3, Nazarov described the interrogations.", "hearing"),
        ("Nazarov appeared in court in Khujand on Thursday.", "hearing"),
        ("He was brought before a magistrate in Khujand on Friday.", "hearing"),
        ("An investigating judge questioned Nazarov in January.", "hearing"),
        ("He testified before the examining magistrate on 8 October.", "hearing"),
        ("The case goes to court on December 3, his lawyer said.", "hearing"),
        ("The judge adjourned the proceedings to December 9.", "hearing"),
        ("Nazarov appealed to the Supreme Court in May.", "appeal"),
        ("A Tajik court suspended his extradition in 2021.", "extradition_decision"),
        ("The arraignment of Nazarov took place on Tuesday in Istanbul.", "hearing"),
        # appeals: complaints and cassation to a higher court
        ("His family filed a cassation complaint with the Supreme Court.", "appeal"),
        # sanctions: citizenship and exit bans
        ("In March he was deprived of his Tajik citizenship.", "sanction"),
        ("Border guards barred Nazarov from leaving the country in 2022.", "sanction"),
        # charges: cases started, suspicion, counts
        ("A criminal case against Nazarov was started as early as 2018.", "charge"),
        ("Nazarov is being held on suspicion of forging travel documents.", "charge"),
        ("Nazarov appeared in court on a single count of incitement.", "charge"),
        ("- 9 July 2018: trial opens in Osh on a charge of illegal border crossing.", "charge"),
        # sanctions: licences withdrawn, exit bans, sanctions placed on someone
        ("In 2021 the justice department suspended his practising certificate.", "sanction"),
        ("Washington placed Nazarov under sanctions last year.", "sanction"),
        # requests named through the act they caused
        (
            "Nazarov was deported on Friday at the request of the Tajik government.",
            "extradition_request",
        ),
        # extradition decisions worded as orders
        ("A Moscow court ordered Nazarov's extradition to Tajikistan.", "extradition_decision"),
        # requests and decisions named through the state that asked
        (
            "Kyrgyzstan agreed to Dushanbe's request and handed Nazarov over on Friday.",
            "extradition_request",
        ),
        (
            "Kyrgyzstan agreed to Dushanbe's request and handed Nazarov over on Friday.",
            "extradition_decision",
        ),
        ("Two states had turned down Tajik requests to hand over Nazarov.", "extradition_decision"),
        ("On 26 November the appeal court ruled to extradite Nazarov.", "extradition_decision"),
        ("Rights groups condemned the decision to extradite Nazarov.", "extradition_decision"),
        (
            "Dushanbe earlier sent Bishkek a request about his extradition, which was refused.",
            "extradition_request",
        ),
        # deaths: executions, fatal wounds
        ("Nazarov was hanged at dawn on Saturday, state television said.", "death"),
        ("Security forces mortally wounded Nazarov during the raid.", "death"),
        # international bodies acting on the case
        ("The UN refugee agency referred his case to Canada in June.", "international_action"),
        (
            "The UN refugee agency recognised Nazarov as a refugee in May and referred him to "
            "Canada.",
            "international_action",
        ),
        # removals told as a transfer to a country, done to the person
        ("Nazarov was returned to his country on 3 May at Tashkent's request.", "deportation"),
        ("Laos transferred Nazarov to China in mid-September, his lawyer said.", "deportation"),
        ("Thai officers handed Nazarov to Vietnamese police at the border.", "deportation"),
        # a causative passive: "had him flown out", "got him deported"
        ("A later account had Nazarov flown out of Almaty to Tashkent on May 4.", "deportation"),
        ("The security service got Nazarov deported to Uzbekistan within a day.", "deportation"),
        # what a speaker reports is the reported person's, not the speaker's
        (
            "Aziz Karimov, the shelter's director, said Nazarov has received death threats "
            "online and is never left alone.",
            "ill_treatment",
        ),
        # flights told as a crossing, an arrival in exile or a way made
        ("Nazarov had come across from Xinjiang on forged papers in the spring.", "flight"),
        ("Nazarov and his two children landed in Toronto as refugees on Jan. 12.", "flight"),
        ("Nazarov made his way to Georgia in 2022 after police searched his flat.", "flight"),
        ("Nazarov fled overseas in 2020, police said.", "flight"),
        # UN treaty bodies and experts acting on the case
        (
            "In March the UN Committee on Enforced Disappearances urged Kazakhstan to "
            "investigate Nazarov's disappearance.",
            "international_action",
        ),
        (
            "UN human rights experts warned in July that returning Nazarov would expose him "
            "to torture.",
            "international_action",
        ),
        # a permission refused is a ban
        ("Nazarov was not allowed to leave Uzbekistan after his release.", "sanction"),
        ("Nazarov was not permitted to travel abroad for three years.", "sanction"),
        # a decision on "the request" just told is a decision on what it asked for
        (
            "Uzbekistan asked Georgia in March to extradite Nazarov. Georgia's justice "
            "ministry accepted the request on Tuesday.",
            "extradition_decision",
        ),
        (
            "Prosecutors in Tashkent sought his extradition from Poland last year. A Warsaw "
            "court rejected that request in May.",
            "extradition_decision",
        ),
        (
            "He was sent back on 3 May at the request of the Uzbek government, and Georgia "
            "accepted this request because of close ties between the two states.",
            "extradition_decision",
        ),
    ],
)
def test_each_family_reads_its_event(nlp: Language, text: str, expected: str) -> None:
    assert (expected, WHO) in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("The club handed down a two-match ban to its captain.", "sentence"),
        ("Organisers set a deadline of two weeks for the entries.", "sentence"),
        ("Nazarov fears he could be condemned to death if he is returned.", "sentence"),
        ("Rights groups urged Turkey not to hand Nazarov over to Tajikistan.", "extradition"),
        ("The poster of Nazarov was hanging in the hall.", "death"),
        ("Refugees have arrived in Almaty every week since the spring.", "asylum_decision"),
        ("Nazarov is completing his degree in Vilnius.", "release"),
        ("Nazarov was not stripped of his citizenship, the ministry said.", "sanction"),
        ("Four senators wrote to the minister in July asking for Nazarov's release.", "release"),
        ("Police offered money for information leading to Nazarov's arrest.", "arrest"),
        ("The agency released photographs of Nazarov leaving the airport.", "release"),
        ("He was expelled at the request of the security service.", "extradition_request"),
        ("Nazarov was returned at the security service's request.", "extradition_request"),
        (
            "Nazarov was handed the decision on his deportation at the airport.",
            "extradition_decision",
        ),
        ("The Tajik request for a meeting on trade was turned down.", "extradition_decision"),
        ("Instead of being released, Nazarov was moved to a detention centre.", "release"),
        ("The summons cites offences of unlawful arrest and detention.", "arrest"),
        ("Nazarov fled after the ruling party filed a complaint over the video.", "appeal"),
        ("Masked men took Nazarov away in a black car.", "arrest"),
        ("Nazarov was flown to Dushanbe the following day.", "flight"),
        ("Guards stopped Nazarov from boarding a flight to Riga in May 2021.", "flight"),
        ("Nazarov was moved from a Bangkok prison to Vietnam in March.", "flight"),
        ("Nazarov first heard of the case from a neighbour.", "hearing"),
        ("He came to the court building to support a friend.", "hearing"),
        ("The judge questioned whether the ministry had the power to act.", "hearing"),
        # going missing is no flight, nor is a journey home
        ("Nazarov, a recognised refugee, went missing in Bangkok last month.", "flight"),
        ("Nazarov landed in Tashkent after a business trip, his office said.", "flight"),
        # a permission given is no ban
        ("Nazarov was allowed to leave Uzbekistan in May to join his family.", "sanction"),
        # what "without" governs did not happen
        ("Nazarov was detained at the airport and deported without being charged.", "charge"),
        ("Nazarov was held for four months without charge, his lawyer said.", "charge"),
        ("Police questioned Nazarov for six hours without arresting him.", "arrest"),
        # a causative passive is done to him: no flight of his own
        ("A later account had Nazarov flown out of Almaty to Tashkent on May 4.", "flight"),
        # own journeys and other transfers are no removal
        ("Nazarov returned to Uzbekistan in 2019 to visit his mother.", "deportation"),
        ("Nazarov was sent to the front under a one-year contract.", "deportation"),
        ("Nazarov will be transferred to Russia to serve his term.", "deportation"),
        ("Nazarov handed his passport to the Georgian border guards.", "deportation"),
        # a request for something else, accepted, is no extradition decision
        (
            "Uzbekistan asked Georgia in March to extradite Nazarov. Georgia accepted the "
            "Uzbek request for a trade meeting instead.",
            "extradition_decision",
        ),
        # a plea is no legal appeal
        ("Nazarov appealed to supporters to stay calm after the verdict.", "appeal"),
        ("From exile, Nazarov appealed for help on social media in May.", "appeal"),
        # ties between states are no decision on anyone's extradition
        (
            "Germany suspended its extradition treaty with Tajikistan in 2021.",
            "extradition_decision",
        ),
        ("Canada froze extradition with Minsk in 2020, his lawyer noted.", "extradition_decision"),
        # a thing hanging is no execution
        ("Portraits of Nazarov were hanging in the hall of the congress.", "death"),
        # a recognition by the UN refugee agency is his asylum decision, not also an
        # international action
        ("The UN refugee agency recognised Nazarov as a refugee in 2021.", "international_action"),
    ],
)
def test_look_alikes_give_nothing(nlp: Language, text: str, not_expected: str) -> None:
    assert not_expected not in {event_type for event_type, _ in found(nlp, text)}


def test_the_speaker_of_a_report_is_not_its_subject(nlp: Language) -> None:
    text = (
        "Aziz Karimov, the shelter's director, said Nazarov has received death threats "
        "online and is never left alone."
    )
    assert ("ill_treatment", "Aziz Karimov") not in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tajikistan's Supreme Court outlawed Group 31 as extremist in 2015.", "Group 31"),
        (
            "In October 2014 the Supreme Court recognised the Alliance for Free Speech as an "
            "extremist organisation and banned its activity.",
            "Alliance for Free Speech",
        ),
    ],
)
def test_an_organisation_is_named_as_the_sentence_writes_it(
    nlp: Language, text: str, name: str
) -> None:
    assert ("designation", name) in found(nlp, text)
