"""Cleaning scraped text the way a reader would.

A scrape carries the site around the story: donation appeals, newsletter and app
prompts, share and cookie lines, "Advertisement", "Related" lists, captions,
bylines, credit lines, copyright footers and separators. The cleaner drops them by
general features rather than by remembered sentences:

* line shape: site furniture and captions (``data/noise.yaml``), separators,
  runs of short unpunctuated lines (link lists), lines repeated in the article;
* address: a sentence that speaks to the reader ("your support", "sign up") or as
  the site ("we need reporters"), outside quotation marks, with a call to action;
  sentences with a weaker signal are dropped when they sit beside dropped ones,
  and a paragraph most of whose sentences are noise goes whole;
* glue: sentences the scrape joined ("...all the difference.Russia's ambassador")
  are split apart first, so the story sentence survives its noisy neighbour.

Credit lines ("X contributed to this report") and bylines are kept as metadata.
A sentence of the story is never dropped for its words alone: only lines that
match the furniture shapes, or sentences that address the reader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .config import DEFAULT, Settings
from .lexicons import cached_yaml
from .marks import MARKS, find_marked
from .model import Article

_GLUE = re.compile(r"(?<=[a-z0-9%)\]][.!?])(?=[A-Z][a-z’'])|(?<=[a-z0-9%][.!?][\"”’])(?=[A-Z][a-z])")
_ABBREVIATIONS = r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bGen\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bGov\.)(?<!\bSt\.)(?<!\bLt\.)(?<!\bCol\.)(?<!\bSgt\.)(?<!\bCapt\.)(?<!\bMaj\.)(?<!\bNo\.)(?<!\bJan\.)(?<!\bFeb\.)(?<!\bAug\.)(?<!\bSept\.)(?<!\bSep\.)(?<!\bOct\.)(?<!\bNov\.)(?<!\bDec\.)(?<!\bProf\.)(?<!\bRev\.)(?<!\bJr\.)(?<!\bSr\.)(?<!\bvs\.)(?<!\bInc\.)(?<!\bCo\.)(?<!\bCorp\.)(?<!\bLtd\.)"
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)\]%][.!?])" + _ABBREVIATIONS + r"[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TERMINAL = re.compile(r"[.!?…][\"”’)\]]*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z. ]{1,30})?)\s*(?:\((?P<agency>[A-Za-z. ]{1,30})\))?\s*[—–-]{1,2}\s+(?=[A-Z“\"])"
)


@dataclass
class Piece:
    """One sentence-sized piece of a paragraph, with what the cleaner decided."""

    text: str
    para: int
    unquoted: str = ""  # the text with quoted words blanked out
    verdict: str = "keep"  # keep | noise | credit | byline | weak
    why: str = ""


@dataclass
class Cleaner:
    """Pipeline stage: ``Article.raw`` to ``Article.text``, noise removed."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def rules(self) -> dict:
        data = cached_yaml("noise.yaml", tuple(self.settings.lexicon_dirs))

        def any_of(key: str) -> re.Pattern:
            return re.compile("|".join(f"(?:{p})" for p in data.get(key, [])) or r"(?!)", re.I)

        def words(key: str) -> re.Pattern:
            alts = sorted(data.get(key, []), key=len, reverse=True)
            return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in alts) + r")(?![\w-])", re.I)

        return {
            "furniture": any_of("furniture"), "credit": any_of("credit"),
            "byline": any_of("byline"), "caption": any_of("caption"),
            "second": words("second_person"), "first": words("first_plural"),
            "cta": words("call_to_action"),
            "english": frozenset(w.lower() for w in data.get("english_function_words", [])),
        }

    def __call__(self, art: Article) -> Article:
        if not art.ok:
            return art
        latin = latin_share(art.raw)
        if latin < 0.5:  # judged before cleaning: the cleaner's rules are for Latin-script text
            return art.fail("not_english", f"only {latin:.0%} of the letters are in the Latin alphabet; "
                                           "eventwire reads English news")
        paragraphs = self._paragraphs(art.raw)
        paragraphs = self._take_headline(art, paragraphs)
        paragraphs = self._take_dateline(art, paragraphs)
        pieces = [Piece(text, i, unquoted) for i, block in enumerate(unglue_paragraphs(paragraphs))
                  for text, unquoted in block]
        self._judge_lines(pieces)
        self._judge_address(pieces)
        self._judge_repeats(pieces)
        self._judge_link_lists(pieces)
        self._judge_unbroken(pieces)
        kept: dict[int, list[str]] = {}
        for piece in pieces:
            if piece.verdict in ("keep", "weak"):
                kept.setdefault(piece.para, []).append(piece.text)
            elif piece.verdict == "credit":
                art.credits.append(piece.text)
            elif piece.verdict == "byline" and not art.author:
                art.author = re.sub(r"^by\s+", "", piece.text, flags=re.I).strip()
        removed = [p for p in pieces if p.verdict not in ("keep", "weak")]
        if removed:
            art.metadata["removed_lines"] = len(removed)
        art.text = "\n\n".join(" ".join(parts) for _, parts in sorted(kept.items()))
        if not art.text.strip():
            return art.fail("empty", "no article text is left after removing the site's noise")
        share = self.english_share(art.text)
        if share < self.settings.min_english and len(_WORD.findall(art.text[:20000])) >= self.settings.english_min_words:
            return art.fail("not_english", f"only {share:.0%} of words are common English words; "
                                           "eventwire reads English news")
        art.language = "en"
        return art

    def pipe(self, articles):
        for art in articles:
            yield self(art)

    # -- steps ---------------------------------------------------------------

    @staticmethod
    def _paragraphs(raw: str) -> list[str]:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
        return [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in raw.split("\n") if line.strip()]

    def _take_headline(self, art: Article, paragraphs: list[str]) -> list[str]:
        if len(paragraphs) < 2:
            return paragraphs
        first = paragraphs[0]
        if art.title and _fold(first) == _fold(art.title):
            return paragraphs[1:]
        if not art.title and looks_like_headline(first) and self.classify_line(first) is None:
            art.title = first
            return paragraphs[1:]
        return paragraphs

    @staticmethod
    def _take_dateline(art: Article, paragraphs: list[str]) -> list[str]:
        for i, para in enumerate(paragraphs[:3]):
            match = _DATELINE.match(para)
            if match and len(match.group("place")) >= 3:
                art.metadata["dateline"] = match.group("place").strip().title()
                if match.group("agency"):
                    art.metadata["agency"] = match.group("agency").strip()
                paragraphs = list(paragraphs)
                paragraphs[i] = para[match.end():]
                break
        return paragraphs

    def classify_line(self, text: str) -> tuple[str, str] | None:
        """(verdict, why) for a line of site furniture, a credit, byline or caption; else None."""
        rules, n = self.rules, len(_WORD.findall(text))
        if n == 0:
            return "noise", "no words"
        if n <= 40 and rules["credit"].fullmatch(text):
            return "credit", "credit line"
        if n <= 12 and rules["byline"].fullmatch(text):
            return "byline", "byline"
        if n <= 15 and rules["furniture"].fullmatch(text):
            return "noise", "site furniture"
        if n <= 60 and rules["caption"].fullmatch(text):
            return "noise", "caption"
        return None

    def _judge_lines(self, pieces: list[Piece]) -> None:
        for piece in pieces:
            found = self.classify_line(piece.text)
            if found:
                piece.verdict, piece.why = found

    def _judge_address(self, pieces: list[Piece]) -> None:
        """Drop sentences that address the reader or speak as the site."""
        rules = self.rules
        for piece in pieces:
            if piece.verdict != "keep":
                continue
            you = _count(rules["second"], piece.unquoted)
            we = _count(rules["first"], piece.unquoted)
            cta = _count(rules["cta"], piece.unquoted)
            if (you or we) and cta and 2 * you + we + 2 * cta >= 4:
                piece.verdict, piece.why = "noise", "addresses the reader"
            elif you or we or (cta and len(_WORD.findall(piece.text)) <= 12):
                piece.verdict, piece.why = "weak", "speaks to or as us, or asks for something"
        # a weak signal beside noise is noise: spread until nothing changes
        changed = True
        while changed:
            changed = False
            for i, piece in enumerate(pieces):
                if piece.verdict == "weak" and any(
                        0 <= j < len(pieces) and pieces[j].verdict == "noise" and pieces[j].why == "addresses the reader"
                        for j in (i - 1, i + 1)):
                    piece.verdict, piece.why, changed = "noise", "addresses the reader", True
        # a paragraph mostly of reader address goes whole
        by_para: dict[int, list[Piece]] = {}
        for piece in pieces:
            by_para.setdefault(piece.para, []).append(piece)
        for group in by_para.values():
            address = sum(p.why == "addresses the reader" for p in group)
            if address and address * 2 >= len(group):
                for p in group:
                    if p.verdict in ("keep", "weak"):
                        p.verdict, p.why = "noise", "in an appeal paragraph"

    @staticmethod
    def _judge_repeats(pieces: list[Piece]) -> None:
        seen: set[str] = set()
        counts: dict[str, int] = {}
        for piece in pieces:
            counts[_fold(piece.text)] = counts.get(_fold(piece.text), 0) + 1
        for piece in pieces:
            key = _fold(piece.text)
            if piece.verdict not in ("keep", "weak"):
                continue
            short = len(_WORD.findall(piece.text)) <= 8 and not _TERMINAL.search(piece.text)
            if counts[key] > 1 and short:
                piece.verdict, piece.why = "noise", "repeated short line"
            elif key in seen and len(_WORD.findall(piece.text)) >= 6:
                piece.verdict, piece.why = "noise", "repeated"
            seen.add(key)

    @staticmethod
    def _judge_link_lists(pieces: list[Piece], min_run: int = 3) -> None:
        run: list[Piece] = []
        for piece in pieces + [None]:
            listy = (piece is not None and piece.verdict in ("keep", "weak")
                     and len(_WORD.findall(piece.text)) <= 14 and not _TERMINAL.search(piece.text)
                     and not piece.text.endswith(":"))
            if listy:
                run.append(piece)
                continue
            if len(run) >= min_run:
                for p in run:
                    p.verdict, p.why = "noise", "link list"
            run = []

    def _judge_unbroken(self, pieces: list[Piece]) -> None:
        for piece in pieces:
            if piece.verdict in ("keep", "weak") and len(_WORD.findall(piece.text)) > self.settings.max_unbroken_words \
                    and not re.search(r"[.!?]", piece.text):
                piece.verdict, piece.why = "noise", "not prose: no sentence ends"

    def english_share(self, text: str) -> float:
        words = [w.lower() for w in _WORD.findall(text[:20000])]
        if not words:
            return 0.0
        return sum(w in self.rules["english"] for w in words) / len(words)


def latin_share(text: str, sample: int = 20000) -> float:
    """The share of the letters of ``text`` (its first ``sample`` characters) that are
    Latin letters; 1.0 for a text with no letters."""
    letters = [c for c in text[:sample] if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff") / len(letters)


def unglue_paragraphs(paragraphs: list[str]) -> list[list[tuple[str, str]]]:
    """Paragraphs as lists of sentence-sized pieces ``(text, text with quotations
    blanked)``. Where the scrape glued two paragraphs ("...the difference.Russia's
    ambassador"), they come apart again."""
    blocks = []
    for paragraph in paragraphs:
        for part in _GLUE.split(paragraph):
            masked = mask_quotes(part)
            pieces, at = [], 0
            for piece in _split_keep_quotes(part):
                at = part.find(piece, at)
                if piece.strip():
                    pieces.append((piece.strip(), masked[at:at + len(piece)]))
                at += len(piece)
            if pieces:
                blocks.append(pieces)
    return blocks


def mask_quotes(text: str) -> str:
    """The text with its quotation marks, and everything inside them, replaced by
    spaces (marks read as :func:`eventwire.marks.find_marked` reads them)."""
    out = list(text)
    for quote in find_marked(text):
        end = quote.close + 1 if quote.close is not None else quote.end
        out[quote.open:end] = " " * (end - quote.open)
    for i, ch in enumerate(text):
        if ch in MARKS:
            out[i] = " "
    return "".join(out)


def _count(pattern: re.Pattern, text: str) -> int:
    """Whole-word hits, not counting all-capital abbreviations (US is not us)."""
    return sum(1 for m in pattern.finditer(text) if not (m.group(0).isupper() and len(m.group(0)) > 1))


def _split_keep_quotes(text: str) -> list[str]:
    """Sentence pieces; a closing quote mark stays with the sentence it closes."""
    out, last = [], 0
    for match in _SENTENCE_SPLIT.finditer(text):
        out.append(text[last:match.start()] + match.group(0).strip())
        last = match.end()
    out.append(text[last:])
    return out


def looks_like_headline(line: str) -> bool:
    """A first line that reads as a headline: short, no sentence end, mostly words."""
    words = _WORD.findall(line)
    return 2 <= len(words) <= 25 and len(line) <= 200 and not _TERMINAL.search(line.rstrip())


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
