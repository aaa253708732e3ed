"""A generated corpus for the scale section of `make bench`: many distinct, varied articles.

Every article tells one person's story in the words such reports use
(detained, charged, extradition requested, asylum refused, a hearing set for
a coming date), with a dateline, an outlet, a lawyer or a relative quoted,
and background sentences. People grow with the corpus: article `i` is about
person `i // 2`, so each person is told by two outlets in two different
wordings, and 10,000 articles name about 5,000 people, never copies of a
few stories. Sentences are drawn from several wordings each, so no two
articles are syndicated copies of each other.

Everything is made from a seed: the same arguments give the same articles,
so two runs of the bench measure the same work.

    python bench/corpus.py 2000 corpus.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN = _words(
    "Aziz Bakhtiyor Dilshod Farrukh Gulnara Ilkhom Jamshid Kamila Lola Murod Nodira Oybek "
    "Parviz Rustam Saida Timur Umid Vasila Zafar Alisher Bobur Davron Elyor Feruza Ganisher "
    "Hamid Iskandar Jasur Komil Laziz Madina Nargiza Otabek Rahim Sanjar Tohir Ulugbek Yusuf "
    "Zarina Adlan Bekhan Islam Magomed Ruslan Said Zelimkhan Asya Milana Aslan Dzhambulat"
)
ROOTS = _words(
    "Karim Nazar Rahim Yusup Tursun Akhmed Sadyk Ismail Khamid Usman Abdull Saidal Murat Rashid "
    "Ergash Kholmat Tashkent Sultan Shakir Nurmat Bakir Jurab Umar Khalil Mirzo Davlat Zokir "
    "Akram Valid Ibrag Dzhabrail Movl Khasan Aliev Temir Batyr Erkin Asan Kurban Sherali"
)
SUFFIXES = ("ov", "ova", "bekov", "aliev", "zoda", "uly", "ayev", "ulin", "murodov", "khanov")
ROLES = (
    "blogger",
    "journalist",
    "opposition activist",
    "human rights defender",
    "trade unionist",
    "former police officer",
    "imam",
    "poet",
    "lawyer",
    "student activist",
)
HOMES = (
    ("Uzbekistan", "Tashkent", "Uzbek"),
    ("Tajikistan", "Dushanbe", "Tajik"),
    ("Turkmenistan", "Ashgabat", "Turkmen"),
    ("Russia", "Grozny", "Chechen"),
    ("Belarus", "Minsk", "Belarusian"),
    ("Kazakhstan", "Astana", "Kazakh"),
    ("Azerbaijan", "Baku", "Azerbaijani"),
)
HOSTS = (
    ("Turkey", "Istanbul"),
    ("Kyrgyzstan", "Bishkek"),
    ("Georgia", "Tbilisi"),
    ("Serbia", "Belgrade"),
    ("Poland", "Warsaw"),
    ("Armenia", "Yerevan"),
    ("Lithuania", "Vilnius"),
    ("Germany", "Berlin"),
    ("Ukraine", "Kyiv"),
    ("Moldova", "Chisinau"),
)
CHARGES = (
    "extremism",
    "organising mass unrest",
    "insulting the president",
    "membership of a banned group",
    "spreading false information",
    "fraud",
    "calling for the overthrow of the constitutional order",
    "financing terrorism",
)
OUTLETS = (
    "Steppe Wire",
    "Caucasus Monitor",
    "Eurasia Courier",
    "Border Watch",
    "Exile Post",
    "Silk Road Herald",
    "Rights Bulletin",
    "Danube Daily",
)
LAWYERS = ("Elena Sokolova", "Timur Ismailov", "Ana Beridze", "Marek Nowak", "Lale Aydin")
MONTHS = _words(
    "January February March April May June July August September October November December"
)

# Each slot of a story has several wordings; {placeholders} are the story's facts.
ARREST = (
    "Police in {host_city} detained {name}, a {role} from {home}, on {arrest_day}.",
    "{name}, a {role} who fled {home}, was arrested in {host_city} on {arrest_day}.",
    "Officers of the {host} migration police took {name} into custody on {arrest_day} "
    "at the request of {home}.",
    "{name} was detained at the airport in {host_city} on {arrest_day} as he arrived from abroad.",
)
CHARGE = (
    "At home, prosecutors charged {surname} in {charge_year} with {charge}.",
    "{home} authorities accuse {surname} of {charge}, a charge he denies.",
    "In {charge_year} a court in {home_city} sentenced {surname} in absentia to "
    "{years} years in prison for {charge}.",
)
REQUEST = (
    "{home} has asked {host} to extradite him.",
    "The {home} prosecutor general's office filed a request for his extradition "
    "in {request_month}.",
    "{home} requested his extradition in {request_month}, his lawyer said.",
)
ASYLUM = (
    "The {host} migration service rejected his application for asylum on {asylum_day}.",
    "His request for refugee status was denied in {asylum_month}.",
    "{surname} applied for asylum in {host} in {asylum_month}; the application is pending.",
)
HEARING = (
    "A court in {host_city} will hear the extradition case on {hearing_day}.",
    "The next hearing in his case is scheduled for {hearing_day}.",
    "Judges are due to consider his appeal on {hearing_day}.",
)
QUOTE = (
    '"If he is sent back, he will be tortured," said {lawyer}, his lawyer.',
    '"My brother only wrote what everyone knows," his {relative} told {outlet}.',
    "{lawyer}, who represents {surname}, said the case was political and that the defence "
    "would appeal.",
    'His {relative} said the family had not been allowed to see him. "We do not know where '
    'he is held," she said.',
)
BACKGROUND = (
    "Rights groups say {home} uses extradition requests and Interpol notices to reach "
    "critics who left the country.",
    "{host} has deported several {demonym} dissidents in recent years despite warnings "
    "from the United Nations.",
    "The {host} foreign ministry did not respond to a request for comment.",
    "{surname} left {home} in {fled_year} after his {role_work} drew the attention of the "
    "security services.",
    "Supporters gathered outside the court building, holding photographs of {surname}.",
    "Human rights lawyers say the courts of {host} rarely refuse such requests from {home}.",
    "The case has been raised by the European Parliament and by several embassies.",
    "Before he left, {surname} had been questioned several times about his {role_work} and "
    "his passport had been confiscated for a year.",
    "Relatives who stayed in {home} say they have been summoned by the police and warned "
    "to stop speaking to journalists.",
    "According to his lawyer, {surname} has a wife and two children who live with him in "
    "{host_city} and have no other home.",
    "The prosecutor's office in {home_city} published a statement calling him a dangerous "
    "criminal, without giving details of the accusations.",
    "Monitors counted at least a dozen similar cases involving {demonym} citizens abroad "
    "over the past three years.",
    "A spokesman for the court in {host_city} declined to say when a decision could be expected.",
)
WORK = {
    "blogger": "videos",
    "journalist": "reporting",
    "opposition activist": "activism",
    "human rights defender": "work for prisoners",
    "trade unionist": "strike organising",
    "former police officer": "testimony about abuses",
    "imam": "sermons",
    "poet": "poems",
    "lawyer": "defence of political prisoners",
    "student activist": "campus protests",
}


def person_name(index: int) -> str:
    """A distinct full name for every index below len(GIVEN) * len(ROOTS) * len(SUFFIXES)."""
    given = GIVEN[index % len(GIVEN)]
    rest = index // len(GIVEN)
    root = ROOTS[rest % len(ROOTS)]
    suffix = SUFFIXES[(rest // len(ROOTS)) % len(SUFFIXES)]
    return f"{given} {root}{suffix}"


def _day(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _month(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def article(index: int, seed: int = 16) -> dict[str, object]:
    """The `index`-th article: a .jsonl record (`id`, `text`, `published`, `title`, `outlet`)."""
    pick = random.Random(f"{seed}:{index}")
    name = person_name(index // 2)
    surname = name.split()[1]
    home, home_city, demonym = HOMES[(index // 2) % len(HOMES)]
    host, host_city = HOSTS[pick.randrange(len(HOSTS))]
    role = ROLES[(index // 2) % len(ROLES)]
    outlet = OUTLETS[index % len(OUTLETS)]
    published = date(2021, 1, 4) + timedelta(days=(index * 37) % 1800)
    arrest = published - timedelta(days=pick.randrange(2, 200))
    facts = {
        "name": name,
        "surname": surname,
        "home": home,
        "home_city": home_city,
        "demonym": demonym,
        "host": host,
        "host_city": host_city,
        "role": role,
        "role_work": WORK[role],
        "outlet": outlet,
        "lawyer": LAWYERS[pick.randrange(len(LAWYERS))],
        "relative": pick.choice(("sister", "wife", "mother")),
        "charge": pick.choice(CHARGES),
        "charge_year": arrest.year - pick.randrange(1, 4),
        "fled_year": arrest.year - pick.randrange(1, 6),
        "years": pick.randrange(5, 16),
        "arrest_day": _day(arrest),
        "request_month": _month(arrest + timedelta(days=20)),
        "asylum_day": _day(arrest + timedelta(days=pick.randrange(30, 90))),
        "asylum_month": _month(arrest + timedelta(days=pick.randrange(30, 90))),
        "hearing_day": _day(published + timedelta(days=pick.randrange(7, 60))),
    }
    slots = [ARREST, CHARGE, REQUEST, ASYLUM, HEARING]
    story = [pick.choice(slot) for slot in slots]
    extra = [*pick.sample(BACKGROUND, k=pick.randrange(4, 7)), *pick.sample(QUOTE, k=2)]
    for sentence in extra:
        story.insert(pick.randrange(2, len(story) + 1), sentence)
    dateline = f"{host_city.upper()}, {_day(published)} ({outlet}) — "
    paragraphs = [dateline + story[0].format(**facts)]
    paragraphs += [
        " ".join(s.format(**facts) for s in story[i : i + 2]) for i in range(1, len(story), 2)
    ]
    return {
        "id": f"scale-{seed}-{index:06d}",
        "text": "\n\n".join(paragraphs),
        "published": published.isoformat(),
        "title": f"{host} holds {demonym} {role} {surname}",
        "outlet": outlet,
    }


def articles(count: int, start: int = 0, seed: int = 16) -> Iterator[dict[str, object]]:
    """Articles `start` .. `start + count - 1`."""
    for index in range(start, start + count):
        yield article(index, seed)


def write_jsonl(path: Path, count: int, start: int = 0, seed: int = 16) -> Path:
    """Write `count` articles as one .jsonl file (the input `casefile ingest` reads)."""
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count, start, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    write_jsonl(Path(sys.argv[2]), int(sys.argv[1]))
