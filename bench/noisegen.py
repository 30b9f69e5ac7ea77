"""Invented site noise, put into a story the way scrapes put it there.

The families of site furniture (share bars, ad slots, bylines, cookie banners, ...)
and their wordings are data, in ``bench/data/noise_families.yaml``, which also fixes
which families the cleaner is developed on (``DEV``) and which are only measured
(``HELDOUT``). A second held-out set, ``bench/data/noise_heldout2.yaml``
(``HELDOUT2``), was written before the rules it measures were changed and is never
tuned on, so that its figure stays honest once ``HELDOUT`` has been looked at. :func:`insert_noise` puts noise lines at random (seeded) places of a
story: on a line of their own, or glued without a space to the end of the sentence
before, to the start of the sentence after, or to both, as a scrape that joins two
page blocks does. Used by ``bench/noise.py`` and by ``tests/test_clean_noise.py``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "noise_families.yaml"
DATA2 = Path(__file__).resolve().parent / "data" / "noise_heldout2.yaml"
_SLOT = re.compile(r"\{(\w+)\}")
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
MODES = ("line", "glue_after", "glue_before", "glue_both")


@lru_cache(maxsize=1)
def families_data() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    names = set(data["families"])
    split = set(data["split"]["dev"]) | set(data["split"]["heldout"])
    if names != split or set(data["split"]["dev"]) & set(data["split"]["heldout"]):
        raise ValueError(f"{DATA}: every family must be in exactly one of split.dev / split.heldout")
    second = yaml.safe_load(DATA2.read_text(encoding="utf-8"))
    if names & set(second["families"]):
        raise ValueError(f"{DATA2}: family names must differ from those of {DATA}")
    data["split"]["heldout2"] = list(second["families"])
    data["families"].update(second["families"])
    data["slots"].update(second.get("slots", {}))
    return data


DEV: tuple[str, ...] = tuple(families_data()["split"]["dev"])
HELDOUT: tuple[str, ...] = tuple(families_data()["split"]["heldout"])
HELDOUT2: tuple[str, ...] = tuple(families_data()["split"]["heldout2"])


def noise_lines(family: str, rng: random.Random) -> list[str]:
    """One piece of site furniture of ``family``: its lines (more than one for a block)."""
    data = families_data()
    if family not in data["families"]:
        raise KeyError(f"no noise family {family!r} in {DATA} or {DATA2}")
    text = rng.choice(data["families"][family])
    for _ in range(5):  # slots may hold slots ({caption_scene} holds {place})
        text = _SLOT.sub(lambda m: rng.choice(data["slots"][m.group(1)]), text)
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    return [re.sub(r"\s+", " ", line).strip() for line in text.split(" // ") if line.strip()]


_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’]?(?=\s+[\"“‘]?[A-Z0-9])")
_NOT_AN_END = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Lt|Col|Sgt|Capt|Maj|No|Jan|Feb|"
                         r"Aug|Sept|Sep|Oct|Nov|Dec|Prof|Rev|Jr|Sr|vs|Inc|Co|Corp|Ltd|Mt|Ft)\.)$")


def sentences(text: str) -> list[str]:
    """The story's sentences: split at white space after a sentence end (and its closing
    mark) before a capital, a digit or an opening mark, not after an initial or a
    common abbreviation. Written apart from the cleaner's own splitter on purpose."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _NOT_AN_END.search(text[start:m.start()]):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


@dataclass
class Noisy:
    """A story with noise put in: the raw text, the noise lines and the story's sentences."""

    raw: str
    sentences: list[str]
    noise: list[tuple[str, str, str]] = field(default_factory=list)  # (family, mode, line)


def _visible(left: str, right: str) -> bool:
    """Whether a reader could see where two glued texts meet (not two capitals, two
    small letters or two digits in a row, nor a number's point before a digit:
    "$47,000." and "12 min read" make "$47,000.12 min read")."""
    a, b = left[-1:], right[:1]
    number_point = a == "." and left[-2:-1].isdigit() and b.isdigit()
    return not ((a.isdigit() and b.isdigit()) or (a.islower() and b.islower())
                or (a.isupper() and b.isupper()) or number_point)


def insert_noise(story: str, rng: random.Random, n: int, families: tuple[str, ...] | list[str]) -> Noisy:
    """``story`` with ``n`` pieces of noise from ``families`` put at random sentence
    boundaries (or the start or the end), each on its own line or glued to its
    neighbours; a piece whose words already occur in the story is drawn again."""
    sents = sentences(story)
    # elements: (text, is_noise); joins[i] sits between elements i and i+1
    elements: list[tuple[str, bool, str, str]] = [(s, False, "", "") for s in sents]
    joins = [" "] * (len(elements) - 1)
    placed: list[tuple[str, str, str]] = []
    folded_story = _fold(story)
    for _ in range(n):
        family = rng.choice(list(families))
        for _attempt in range(20):
            lines = noise_lines(family, rng)
            if not any(_fold(line) in folded_story for line in lines):
                break
        mode = rng.choice(MODES)
        at = rng.randint(0, len(elements))
        block = "\n".join(lines)
        elements.insert(at, (block, True, family, mode))
        joins.insert(at, "\n")
        if at > 0:
            joins[at - 1] = "" if mode in ("glue_after", "glue_both") else "\n"
        if at < len(elements) - 1:
            joins[at] = "" if mode in ("glue_before", "glue_both") else "\n"
        placed.extend((family, mode, line) for line in lines)
    out = [elements[0][0]] if elements else []
    for join, (text, _, _, _) in zip(joins, elements[1:]):
        if join == "" and not _visible(out[-1], text):
            join = "\n"
        out.append(join)
        out.append(text)
    return Noisy(raw="".join(out), sentences=sents, noise=placed)


def norm(text: str) -> str:
    """White space as the cleaner leaves it."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()


def lost_sentences(story_sentences: list[str], art) -> list[str]:
    """The story's sentences not found, character for character up to white space, in
    the clean text of ``art`` (an eventwire Article). A credit line the cleaner moved
    to ``credits``, or a dateline it moved to metadata, is not lost."""
    text = norm(art.text) if art.ok else ""
    moved = [norm(c) for c in art.credits]
    lost = []
    for sentence in story_sentences:
        s = norm(sentence)
        dateline = re.match(r"^[A-Z][A-Z.'’ ,-]{2,60}(?:\([A-Za-z. ]+\))?\s*[—–-]{1,2}\s+", s)
        rest = s[dateline.end():] if dateline else ""
        if not (s in text or s in moved or (rest and rest in text)):
            lost.append(sentence)
    return lost


def kept_noise(line: str, art) -> bool:
    """Whether the noise ``line`` is still in the clean text of ``art`` (as whole words)."""
    return art.ok and re.search(r"(?<!\w)" + re.escape(norm(line)) + r"(?!\w)", norm(art.text)) is not None


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def invented_stories() -> list[str]:
    """Short stories written for these tests (no real article text), with quotations
    that open and close sentences in straight and curly marks."""
    return [
        "Chile's foreign minister criticised Peru on Monday for closing the border crossing at Tacna. "
        "“We expect our neighbours to keep their word,” the minister told reporters in Santiago. "
        "Peru's government said the closure was temporary and would be reviewed next week. "
        "\"The crossing will reopen when it is safe,\" a spokesman for the interior ministry said. "
        "Lawmakers in Lima urged the president to reopen the crossing before the holidays. "
        "Truck drivers said they had waited for three days. "
        "One of them, Luis Ortega, said: \"We have no food left.\"",
        "The harbour authority in Valdora suspended all sailings on Tuesday after a storm damaged two piers. "
        "About 300 passengers were stranded at the ferry terminal, officials said. "
        "“Safety comes first,” the authority's director told a local radio station. "
        "The director said repairs could take a week. "
        "\"We have never seen waves like this,\" said Marta Lind, who has worked at the port for 20 years. "
        "The regional government promised to pay for hotel rooms. "
        "Forecasters expect calmer weather by Friday.",
        "Farmers in the northern province blocked a motorway on Wednesday to protest against falling grain prices. "
        "Police said about 2,000 tractors took part. "
        "“They are selling below cost,” said Ana Ruiz, who leads the farmers' union. "
        "The agriculture minister agreed to meet union leaders on Thursday. "
        "Prices have fallen 30% since January, according to the national statistics office. "
        "\"We will stay until we are heard,\" one farmer said. "
        "The motorway was reopened in the evening.",
    ]
