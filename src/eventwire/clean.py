"""Cleaning scraped text the way a reader would.

A scrape carries the site around the story: donation appeals, newsletter and app
prompts, share bars, cookie banners, "Advertisement", "Related" and "Read more"
lists, tag lists, breadcrumbs, captions and photo credits, bylines, author bios,
timestamps, credit lines, copyright and other legal notices and separators. The
cleaner drops them by general features rather than by remembered sentences:

* glue: what a scrape joined without a space comes apart first. Sentences joined
  at a sentence end ("...the difference.Russia's ambassador", also before an
  opening and after a closing quotation mark) are always split; furniture joined to
  a sentence at a change of case or after a digit or bracket ("AdvertisementLawyer
  Lionel ...") is peeled off only when the peeled part reads as furniture, so a
  name such as "McCaul" or "WhatsApp" is never cut; a short line at the start of a
  block glued to the sentence after it at a plain join (an opening quotation mark,
  a capitalised function word) comes off as a line of its own;
* line shape: site furniture, credits, bylines, author bios, captions and legal
  notices (``data/noise.yaml``; a legal notice or a caption goes as a whole line),
  a label and what it labels ("READ MORE: ...", "Tags: ..."), lists strung together
  with bars, dots, handles or hashtags, short lines with no sentence in them,
  separators, runs of short unpunctuated lines, lines repeated in the article;
* address: a sentence that speaks to the reader ("your support", "sign up"), gives
  the reader an order ("Download the app ..."), or speaks as the site or of the page
  ("we need reporters", "an earlier version of this story"), outside quotation
  marks. Quotation marks are read over the whole story at once, so a quotation
  broken by a line of furniture is still a quotation. Sentences with a weaker
  signal are dropped when they sit beside dropped ones, and a paragraph most of
  whose sentences are noise goes whole, but a sentence with a quotation or a word
  of reporting ("said", "told") is never dropped for its neighbours.

Credit lines ("X contributed to this report"), author bios and bylines are kept as
metadata. Every line removed is listed, with the reason, in ``Article.metadata["removed"]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .config import DEFAULT, Settings
from .lexicons import LexiconError, cached_yaml
from .marks import MARKS, find_marked, mark_role
from .model import Article, fold

_ABBREVIATIONS = r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bGen\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bGov\.)(?<!\bSt\.)(?<!\bLt\.)(?<!\bCol\.)(?<!\bSgt\.)(?<!\bCapt\.)(?<!\bMaj\.)(?<!\bNo\.)(?<!\bJan\.)(?<!\bFeb\.)(?<!\bAug\.)(?<!\bSept\.)(?<!\bSep\.)(?<!\bOct\.)(?<!\bNov\.)(?<!\bDec\.)(?<!\bProf\.)(?<!\bRev\.)(?<!\bJr\.)(?<!\bSr\.)(?<!\bvs\.)(?<!\bInc\.)(?<!\bCo\.)(?<!\bCorp\.)(?<!\bLtd\.)"
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)\]%][.!?])" + _ABBREVIATIONS + r"[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")
# A sentence end with no space after it: [.!?], maybe a quotation mark, then a capital,
# a digit or an opening mark. Which side a mark goes to is decided in split_joined.
_JOINED_END = re.compile(r"(?<=[a-z0-9%)\]])[.!?](?=[\"“”‘’]?[A-Z0-9]|[\"“‘][\"“‘]?[A-Z0-9])")
# Where a scrape may have joined two blocks inside a run of letters (a candidate: a
# capital, digit, opening mark or symbol after a non-space; _soft_join decides).
_SOFT_JOIN = re.compile(r"(?=[A-Z0-9\"“‘(@#©])(?<=\S)")
_INNER_END = re.compile(r"(?<=[a-z\s])[.!?][\"”’]?\s*[A-Z\"“]")
# a capitalised word that does not open the text or a clause
_CAPITALISED = re.compile(r"(?<![.!?:;—–-]\s)(?<!^)(?<![\w'’])[A-Z][\w'’.-]*")
_CLAUSE_START = re.compile(r"[,:;]\s+(?=[a-z])")
_LEAD_WORDS = re.compile(r"\W*([A-Za-z][\w'’]*)(?![-’'\w])(?:\s+([A-Za-z][\w'’]*))?(?:\s+([A-Za-z][\w'’]*))?")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_PAST_AFTER_FIRST = re.compile(r"\W*\w+\s+\w+ed\b")
_NAME_START = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{0,5}$")
_ANY_MARK = re.compile(r'["“”«»„]')
_DATE_TOKEN = re.compile(r"\d{1,2}[:.]\d{2}|[ap]\.m\.|[A-Za-z]+\.?|\d+")
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TERMINAL = re.compile(r"[.!?…][\"”’)\]]*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z. ]{1,30})?)\s*(?:\((?P<agency>[A-Za-z. ]{1,30})\))?\s*[—–-]{1,2}\s+(?=[A-Z“\"])"
)
KEPT = ("keep", "weak")


@dataclass
class Piece:
    """One sentence-sized piece of a paragraph, with what the cleaner decided."""

    text: str
    para: int
    unquoted: str = ""  # the text with quoted words blanked out
    verdict: str = "keep"  # keep | noise | credit | byline | weak
    why: str = ""
    glued: bool = False  # joined to the piece before it with no space by the scrape


@dataclass
class Cleaner:
    """Pipeline stage: ``Article.raw`` to ``Article.text``, noise removed."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def rules(self) -> dict:
        data = cached_yaml("noise.yaml", tuple(self.settings.lexicon_dirs))

        def any_of(key: str) -> re.Pattern:
            return re.compile("|".join(f"(?:{p})" for p in data.get(key, [])) or r"(?!)", re.I)

        def words(key: str) -> frozenset[str]:
            return frozenset(fold(str(w)) for w in data.get(key, []))

        def required(key: str) -> frozenset[str]:
            if not data.get(key):
                raise LexiconError(f"noise.yaml: the list {key!r} is missing or empty")
            return words(key)

        lexicons = {"second": words("second_person"), "first": words("first_plural"),
                    "speaker": words("first_singular"), "self": words("self_reference"),
                    "cta": words("call_to_action"), "story": words("story_cues"),
                    "business": words("site_business")}
        parts = data.get("bio_parts", {})

        def part(m: re.Match) -> str:
            if m.group(1) not in parts:
                raise LexiconError(f"noise.yaml: bio uses {{{m.group(1)}}}, which bio_parts does not define")
            return f"(?:{parts[m.group(1)]})"

        bio = [re.sub(r"\{(\w+)\}", part, p) for p in data.get("bio", [])]
        return {
            "bio": re.compile("|".join(f"(?:{p})\\.?" for p in bio) or r"(?!)"),
            "furniture": any_of("furniture"), "credit": any_of("credit"), "legal": any_of("legal"),
            "byline": any_of("byline"), "caption": any_of("caption"),
            "label": re.compile("|".join(f"(?:{p})" for p in data.get("label_line", [])) or r"(?!)"),
            "separators": re.compile("|".join(f"(?:{p})" for p in data.get("list_separators", [])) or r"(?!)"),
            "handles": re.compile("|".join(f"(?:{p})" for p in data.get("handles", [])) or r"(?!)"),
            "date": words("date_words"), "cta": lexicons["cta"],
            "imperative": words("imperative"), "imperative_lead": words("imperative_lead"),
            "statement_verbs": words("statement_verbs"),
            "openers": required("sentence_openers"),
            "heading_breakers": required("heading_breakers") | words("statement_verbs") | words("story_cues"),
            "english": frozenset(w.lower() for w in data.get("english_function_words", [])),
            "other": frozenset(w.lower() for w in data.get("other_function_words", [])),
            "index": _index(lexicons),  # one pass over a sentence's words counts them all
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
        pieces = [Piece(text, i, glued=glued) for i, block in enumerate(self.unglue(paragraphs))
                  for text, glued in block]
        self._judge_lines(pieces)
        self._read_quotes(pieces)
        self._judge_address(pieces)
        self._judge_repeats(pieces)
        self._judge_link_lists(pieces)
        self._judge_unbroken(pieces)
        paragraphs: list[list[str]] = []
        headings: list[str] = []
        last_para = None
        removed = []
        for piece in pieces:
            if piece.verdict in KEPT:
                if piece.para != last_para:
                    paragraphs.append([])
                    last_para = piece.para
                heading = self.subheading(piece.text, piece.unquoted)
                if heading:  # a paragraph of its own, as it was on the page
                    if paragraphs[-1]:
                        paragraphs.append([])
                    headings.append(heading)
                    paragraphs[-1].append(heading)
                    paragraphs.append([piece.text[len(heading):].strip()])
                else:
                    paragraphs[-1].append(piece.text)
                continue
            if piece.verdict == "credit":
                art.credits.append(piece.text)
            elif piece.verdict == "byline" and not art.author:
                art.author = re.sub(r"^(?:\w+\s+)?by\s+", "", piece.text, flags=re.I).strip()
            removed.append({"text": piece.text, "reason": piece.why})
        if removed:
            art.metadata["removed"] = removed
        if headings:
            art.metadata["headings"] = headings
        art.text = "\n\n".join(" ".join(parts) for parts in paragraphs if parts)
        if not art.text.strip():
            return art.fail("empty", "no article text is left after removing the site's noise")
        n, share, other = self.function_word_shares(art.text)
        if share < self.settings.min_english and n >= self.settings.english_min_words and (
                n >= self.settings.english_sure_words or other > share):
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
        """The headline: the first line that is not furniture, when it is the given
        title or (with no title given) reads as one. Furniture before it stays, to be
        removed and listed with the rest."""
        if len(paragraphs) < 2:
            return paragraphs
        at = 0
        while at < min(len(paragraphs) - 1, 5) and (
                self.classify_line(paragraphs[at]) or self.classify_shape(paragraphs[at], short=False)):
            at += 1
        first = paragraphs[at]
        if art.title and _fold(first) == _fold(art.title):
            return paragraphs[:at] + paragraphs[at + 1:]
        if not art.title and looks_like_headline(first) and self.classify_line(first) is None \
                and self.classify_shape(first, short=False) is None:
            art.title = first
            return paragraphs[:at] + paragraphs[at + 1:]
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

    def unglue(self, paragraphs: list[str]) -> list[list[tuple[str, bool]]]:
        """Paragraphs as lists of sentence-sized pieces ``(text, glued)``, ``glued``
        when the scrape joined the piece to the one before it with no space. Sentences
        joined at a sentence end come apart (each part a paragraph of its own);
        furniture joined to a sentence inside a run of letters is peeled off when it
        reads as furniture, and is a paragraph of its own."""
        blocks: list[list[tuple[str, bool]]] = []
        quotes, offset = _QuoteSides("\n".join(paragraphs)), 0
        for paragraph in paragraphs:
            parts = split_joined(paragraph, quotes, offset)
            offset += len(paragraph) + 1
            for n, part in enumerate(parts):
                pieces: list[tuple[str, bool]] = []
                for k, piece in enumerate(_split_keep_quotes(part)):
                    peeled = self._peel(piece.strip(), block_start=k == 0)
                    first = (peeled[0], n > 0 and k == 0)
                    if len(peeled) == 1:
                        pieces.append(first)
                        continue
                    blocks.append(pieces)  # what was glued at a block join: a block of its own
                    blocks.extend([p] for p in [first] + [(p, True) for p in peeled[1:]])
                    pieces = []
                blocks.append(pieces)
        return [[p for p in block if p[0]] for block in blocks if any(p[0] for p in block)]

    def _peel(self, text: str, block_start: bool = False) -> list[str]:
        """``text`` cut where a scrape may have joined blocks inside a run of letters.
        After a sentence end ("...Christmas Day ?Video duration 2:31") it always comes
        apart; elsewhere each part that reads as furniture on its own becomes a piece
        of its own, and the parts between them are joined again exactly as they were.
        At the start of a block (``block_start``), a short line glued to the sentence
        after it (:func:`_glued_short_line`) is a piece of its own too."""
        cuts = [m.start() for m in _SOFT_JOIN.finditer(text) if 0 < m.start() < len(text) - 1
                and _soft_join(text, m.start())]
        if not cuts:
            return [text]
        short_line = None  # the longest short line glued at the start, cut where
        for cut in cuts if block_start else ():
            if len(_WORD.findall(text, 0, cut)) > _GLUED_LINE_WORDS:
                break
            if _glued_short_line(text[:cut], text[cut:], self.rules["english"]):
                short_line = cut
        if short_line is not None and not _signals(self.rules["index"], text[:short_line]).get("story"):
            # judged as a line of its own, which it was
            return [text[:short_line].strip()] + self._peel(text[short_line:].strip())
        parts = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
        ends = [bool(_TERMINAL.search(part.rstrip())) for part in parts]  # a sentence end before the cut
        # a cut after a short capitalised fragment may be inside a name (You|Tube,
        # Deep|Seek, Mc|Caul): the part before it must then be furniture by shape
        inside_name = [bool(_NAME_START.search(part)) for part in parts[:-1]] + [False]
        furniture = [self._is_furniture(part, strict) for part, strict in zip(parts, inside_name)]
        # "Share on Whats|App": a word cut in two goes whole (not the "G" of "G7" nor
        # the "Y" of "YChina")
        for i in range(len(parts) - 1):
            if furniture[i] and not furniture[i + 1] and parts[i + 1].strip().isalpha() \
                    and len(parts[i + 1].strip()) > 1 and not (i + 2 < len(parts) and parts[i + 2][:1].isdigit()) \
                    and self._is_furniture(parts[i] + parts[i + 1]):
                parts[i + 1], furniture[i + 1] = parts[i] + parts[i + 1], True
                parts[i] = ""
        out, story = [], ""
        for i, (part, is_furniture) in enumerate(zip(parts, furniture)):
            if not is_furniture:
                story += part
                if not ends[i]:
                    continue
            if story.strip():
                out.append(story.strip())
            story = ""
            if is_furniture and part.strip():
                out.append(part.strip())
        if story.strip():
            out.append(story.strip())
        return out

    def subheading(self, text: str, unquoted: str = "") -> str | None:
        """The subheading a scrape ran into the sentence ``text`` ("Trade talks Talks
        between the two sides ...", "Border troubles The army said ..."), or None: at
        the start of the sentence, a run of at most :data:`_HEADING_WORDS` plain words
        (no mark, number or sentence end) that opens with a capital, has no word of a
        clause (`heading_breakers`, `statement_verbs`, `story_cues`, a regular past
        tense after its first word) and does not end in a small word, followed by a
        capitalised word that opens the sentence after it: a `sentence_openers` word,
        or the run's last word said again with a capital ("talks Talks"). The
        sentence after it must have words of its own."""
        if unquoted and unquoted[:1] != text[:1]:
            return None  # inside a quotation: the speaker's words
        rules = self.rules
        tokens = text.split(" ", _HEADING_WORDS + 4)
        if len(tokens) < 5 or not tokens[0][:1].isupper():
            return None
        small = rules["openers"] | rules["english"]
        for k in range(1, min(_HEADING_WORDS, len(tokens) - 4) + 1):
            word, low = tokens[k - 1], fold(tokens[k - 1])
            if not _HEADING_WORD.fullmatch(word) or low in rules["heading_breakers"] \
                    or (k > 1 and word.islower() and low.endswith("ed")):
                return None  # no heading here: every longer run has this word too
            nxt = tokens[k]
            if low in small or not re.fullmatch(r"[A-Z][a-z'’]*", nxt):
                continue
            if nxt.lower() in rules["openers"] or (nxt.lower() == low and word != nxt):
                return " ".join(tokens[:k])
        return None

    def _is_furniture(self, text: str, strict: bool = False) -> bool:
        """Whether a part cut from a glued line reads as furniture on its own: its
        shape (lexicon, label, list, an order with no sentence end) or its address to
        the reader, never its length alone."""
        text = text.strip()
        if not 0 < len(_WORD.findall(text)) <= 40:
            return False
        if self.classify_line(text) or self.classify_shape(text, short=False):
            return True
        found = self.address(text, mask_quotes(text))
        if not _TERMINAL.search(text) and not strict:
            if self.is_order(text) and text[:1].isupper():
                return True  # an order with no sentence end
            if found and len(_WORD.findall(text)) <= 12:
                return True  # a few words to or as us, with no sentence end ("Content from our partners")
        return found is not None and found[0] == "noise"

    def classify_line(self, text: str) -> tuple[str, str] | None:
        """(verdict, why) for a line of site furniture, a credit, byline or caption; else None."""
        rules, n = self.rules, len(_WORD.findall(text))
        if n == 0:
            return "noise", "no words"
        if n <= 40 and rules["credit"].fullmatch(text):
            return "credit", "credit line (kept in credits)"
        if n <= 40 and rules["bio"].fullmatch(text):
            return "credit", _BIO
        if n <= 12 and rules["byline"].fullmatch(text):
            return "byline", "byline (kept as author)"
        if n <= 15 and rules["furniture"].fullmatch(text):
            return "noise", "site furniture"
        if n <= 20 and self.is_legal(text, n):
            return "noise", "legal notice"
        if n <= 60 and self.is_caption(text, n):
            return "noise", "caption"
        if n <= 20 and self.is_timestamp(text):
            return "noise", "timestamp"
        return None

    def is_caption(self, text: str, n: int | None = None) -> bool:
        """A photo or video caption or credit of sixty words or fewer (``caption``);
        ``n``, where given, is its number of words."""
        return len(text) <= 60 * _LONGEST_WORD and self.rules["caption"].fullmatch(text) is not None \
            and (n if n is not None else len(_WORD.findall(text))) <= 60

    def is_legal(self, text: str, n: int | None = None) -> bool:
        """A line of twenty words or fewer with a legal notice in it (``legal`` in
        noise.yaml) and no word of reporting; ``n``, where given, is its number of words."""
        return len(text) <= 20 * _LONGEST_WORD and self.rules["legal"].search(text) is not None \
            and (n if n is not None else len(_WORD.findall(text))) <= 20 \
            and not _signals(self.rules["index"], text).get("story")

    def is_timestamp(self, text: str) -> bool:
        """A line of nothing but a date or a time (``date_words`` in noise.yaml)."""
        dates = self.rules["date"]
        seen = False
        for token in _DATE_TOKEN.findall(text):
            low = token.lower().rstrip(".")
            if low in dates and low not in ("on", "at", "last"):
                seen = True
            elif _CLOCK.fullmatch(token):
                seen = True
            elif not (token.isdigit() or low in dates or (token.isupper() and 2 <= len(token) <= 4)):
                return False
        return seen

    def classify_shape(self, text: str, short: bool = True) -> tuple[str, str] | None:
        """(verdict, why) for a line with no sentence in it: a label and what it labels,
        a list strung with bars, dots, handles or hashtags, or (``short``) a few words
        with no sentence end and no word of reporting; else None."""
        if _TERMINAL.search(text):
            return None
        rules = self.rules
        if rules["label"].match(text):
            return "noise", "a label and what it labels"
        if len(rules["separators"].findall(text)) >= 2 or \
                (rules["handles"].search(text) and len(_WORD.findall(text)) <= 12):
            return "noise", "a list of links, tags or handles"
        if short and len(_WORD.findall(text)) <= 12 and not _signals(rules["index"], text).get("story") \
                and not _INNER_END.search(text):
            return "noise", _SHORT
        return None

    def _judge_lines(self, pieces: list[Piece]) -> None:
        lines: dict[int, list[Piece]] = {}
        for piece in pieces:
            lines.setdefault(piece.para, []).append(piece)
        for line in lines.values():  # a legal notice or a caption goes as a line, all its sentences
            if len(line) < 2:
                continue
            text = " ".join(p.text for p in line)
            why = "legal notice" if self.is_legal(text) else "caption" if self.is_caption(text) else None
            for p in line if why else ():
                p.verdict, p.why = "noise", why
        for i, piece in enumerate(pieces):
            if len(lines[piece.para]) > 1 and piece.verdict == "noise":
                continue
            # the first line, where a standfirst or an unpunctuated lede sits, is not
            # dropped for being short alone
            found = self.classify_line(piece.text) or self.classify_shape(piece.text, short=i > 0)
            if found and found[1] == _BIO and len(lines[piece.para]) > 1:
                found = None  # a note about the writer is a line of its own
            if found and found[1] == _SHORT:  # a short line that speaks to the reader says so
                found = self.address(piece.text, mask_quotes(piece.text)) or found
                found = found if found[0] == "noise" else ("noise", _SHORT)
            if found:
                piece.verdict, piece.why = found

    def _read_quotes(self, pieces: list[Piece]) -> None:
        """``unquoted`` for every piece, reading quotation marks over the pieces still
        kept as one text, so a quotation that a line of furniture broke in two (or a
        scrape broke over lines) is still read as one."""
        kept = [p for p in pieces if p.verdict in KEPT]
        flat = " ".join(p.text for p in kept)
        masked = mask_quotes(flat)
        at = 0
        for piece in kept:
            piece.unquoted = masked[at:at + len(piece.text)]
            at += len(piece.text) + 1
        for piece in pieces:
            if piece.verdict not in KEPT:
                piece.unquoted = mask_quotes(piece.text)

    def address(self, text: str, unquoted: str, plainest: bool = False) -> tuple[str, str] | None:
        """("noise" or "weak", why) for a sentence that speaks to the reader, orders the
        reader, or speaks as the site or of the page, outside quotation marks. A
        sentence that names someone, reports speech or asks a question is held to
        stronger signals than one that names no one; with ``plainest``, only the
        plainest appeals count (two signals together)."""
        rules = self.rules
        hits = _signals(rules["index"], unquoted)
        you, we, page, cta = hits.get("second", 0), hits.get("first", 0), hits.get("self", 0), hits.get("cta", 0)
        first = _TOKEN.match(unquoted.lstrip())
        order = self.is_order(unquoted) and unquoted.lstrip()[:1].isupper()
        # an order after an opening phrase: "For the latest, follow our live blog."
        order_later = (you or we or page or cta) and any(
            self.is_order(unquoted[m.end():m.end() + 40]) for m in _CLAUSE_START.finditer(unquoted))
        n = len(_WORD.findall(text))
        if page >= 2:
            return "noise", "speaks of the page"
        if hits.get("story"):
            return None  # a report of what someone said is the story
        if (you and we) or ((you or we or page) and cta and 2 * you + we + 2 * page + 2 * cta >= 4):
            return "noise", "addresses the reader"
        if (order or order_later) and n <= 25 and (
                you or we or page or cta > (1 if first and first.group(0).lower() in rules["cta"] else 0)):
            return "noise", "tells the reader what to do"
        if page and (we or you):
            return "noise", "speaks of the page"
        if plainest:
            return None
        if not self.names(unquoted) and not text.rstrip().endswith("?"):  # no one named, no question
            if you and n <= 15 or you >= 2:
                return "noise", "addresses the reader"
            if page and n <= 20:
                return "noise", "speaks of the page"
            if n <= 15 and hits.get("business"):
                return "noise", "the site's own business"
            if order and n <= 12 and not self._states(unquoted):  # not "Help arrived", "Support fell"
                return "noise", "tells the reader what to do"
        if you or we or page or (cta and n <= 12):
            return "weak", "speaks to or as us, of the page, or asks for something"
        return None

    def is_order(self, text: str) -> bool:
        """Whether ``text`` opens with a verb by which a site tells its reader what to do
        (``imperative`` in noise.yaml), perhaps after "please", "now", "never"..."""
        words = _LEAD_WORDS.match(text)
        if not words:
            return False
        first, second, third = (w.lower().replace("’", "'") if w else "" for w in words.groups())
        lead = self.rules["imperative_lead"]
        if first in lead:
            first = second
        elif f"{first} {second}" in lead:  # do not
            first = third
        return first in self.rules["imperative"]

    def _states(self, text: str) -> bool:
        """Whether a line that opens with an order word goes on as a statement: a finite
        verb after its first word (``statement_verbs`` in noise.yaml, or a regular past
        tense right after it: "Help arrived")."""
        if _PAST_AFTER_FIRST.match(text):
            return True
        later = _WORD.findall(text)[1:]
        return any(w.lower() in self.rules["statement_verbs"] for w in later)

    def names(self, text: str) -> bool:
        """Whether ``text`` names someone: a capitalised word that does not open the
        text or a clause and is not "I", a month, a weekday or a clock abbreviation."""
        dates = self.rules["date"]
        for m in _CAPITALISED.finditer(text):
            word = m.group(0)
            if word != "I" and word.lower().rstrip(".") not in dates:
                return True
        return False

    def _judge_address(self, pieces: list[Piece]) -> None:
        """Drop sentences that address the reader or speak as the site."""
        rules = self.rules
        sizes: dict[int, int] = {}
        for piece in pieces:
            sizes[piece.para] = sizes.get(piece.para, 0) + 1
        alone = {para: n == 1 for para, n in sizes.items()}
        for piece in pieces:
            if piece.verdict != "keep":
                continue
            found = self.address(piece.text, piece.unquoted)
            if not found and not piece.unquoted.strip() and alone.get(piece.para) \
                    and not any(m in piece.text for m in _QUOTING):
                # a line of its own inside a quotation read across lines, with no mark of its
                # own: what the site says there is read, but only its plainest appeals count
                found = self.address(piece.text, piece.text, plainest=True)
            if found:
                piece.verdict, piece.why = found

        def reported(piece: Piece) -> bool:  # a quotation, a report of speech or a speaker's own words
            hits = _signals(rules["index"], piece.unquoted)
            return any(m in piece.text for m in _QUOTING) or bool(hits.get("story") or hits.get("speaker"))

        def story(piece: Piece) -> bool:  # never dropped for its neighbours alone
            if reported(piece):
                return True
            names = self.names(piece.unquoted)
            if piece.text.endswith("?"):  # a question put to someone named
                return names
            hits = _signals(rules["index"], piece.unquoted)  # about others, not in the site's voice
            if hits.get("first"):
                return False
            return names or (len(_WORD.findall(piece.unquoted)) > 25 and not hits.get("second"))

        blocks: dict[int, list[Piece]] = {}
        for piece in pieces:
            blocks.setdefault(piece.para, []).append(piece)
        order = [blocks[k] for k in sorted(blocks)]

        def appeal(block: list[Piece]) -> bool:  # a line of nothing but reader address
            return all(p.why in _ADDRESS for p in block)

        def line(block: list[Piece]) -> bool:  # a block that starts a line, not one glued on
            return not block[0].glued

        def drop(piece: Piece, why: str) -> bool:
            piece.verdict, piece.why = "noise", why
            return True

        changed = True
        while changed:
            changed = False
            for k, block in enumerate(order):
                # a weak signal beside reader address in the same paragraph is noise
                for i, piece in enumerate(block):
                    if piece.verdict == "weak" and not story(piece) and any(
                            0 <= j < len(block) and block[j].why in _ADDRESS for j in (i - 1, i + 1)):
                        changed = drop(piece, "beside an appeal to the reader")
                # a paragraph mostly of reader address goes whole
                address = sum(p.why in _ADDRESS for p in block)
                if address and address * 2 >= len(block):
                    for p in block:
                        if p.verdict in KEPT and not reported(p):
                            changed = drop(p, "in an appeal paragraph")
                if not line(block) or not any(p.verdict == "weak" for p in block) \
                        or any(p.verdict not in KEPT or reported(p) for p in block):
                    continue
                before = order[k - 1] if k > 0 else None
                after = order[k + 1] if k + 1 < len(order) else None
                beside = [b for b in (before, after) if b is not None and appeal(b) and line(b)
                          and (b is before or line(after))]
                # a paragraph of weak signals beside an appeal of two or more sentences on
                # lines of their own, or one half weak between two appeals (one of two or
                # more sentences), is part of it
                weak_only = all(p.verdict == "weak" and not story(p) for p in block)
                half_weak = 2 * sum(p.verdict == "weak" for p in block) >= len(block)
                if any(len(b) >= 2 for b in beside) and (weak_only or (half_weak and len(beside) == 2)):
                    for p in block:
                        changed = drop(p, "in an appeal paragraph")

    @staticmethod
    def _judge_repeats(pieces: list[Piece]) -> None:
        seen: set[str] = set()
        counts: dict[str, int] = {}
        keys = [_fold(piece.text) for piece in pieces]
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        for piece, key in zip(pieces, keys):
            if piece.verdict not in KEPT:
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
            listy = (piece is not None and piece.verdict in KEPT
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
            if piece.verdict in KEPT and len(_WORD.findall(piece.text)) > self.settings.max_unbroken_words \
                    and not re.search(r"[.!?]", piece.text):
                piece.verdict, piece.why = "noise", "not prose: no sentence ends"

    def function_word_shares(self, text: str) -> tuple[int, float, float]:
        """The number of words of ``text`` (its first 20,000 characters, read once) and the shares of
        them that are common English function words and those of the other languages of Latin-script news."""
        words = [w.lower() for w in _WORD.findall(text[:20000])]
        if not words:
            return 0, 0.0, 0.0
        english, other = self.rules["english"], self.rules["other"]
        return (len(words), sum(w in english for w in words) / len(words),
                sum(w in other for w in words) / len(words))


def latin_share(text: str, sample: int = 20000) -> float:
    """The share of the letters of ``text`` (its first ``sample`` characters) that are
    Latin letters; 1.0 for a text with no letters."""
    text = text[:sample]
    # the ASCII letters counted by a regular expression, the other characters (few in English news) one by one
    ascii_letters = len(_ASCII_LETTER.findall(text))
    others = [c for c in _NON_ASCII.findall(text) if c.isalpha()]
    letters = ascii_letters + len(others)
    if not letters:
        return 1.0
    return (ascii_letters + sum(1 for c in others if c < "\u0250" or "\u1e00" <= c <= "\u1eff")) / letters


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


_ADDRESS = ("addresses the reader", "tells the reader what to do", "speaks of the page",
            "beside an appeal to the reader")
_QUOTING = MARKS + "‘"  # a double mark, or an opening single one
_SHORT = "a short line with no sentence in it"
_BIO = "author bio (kept in credits)"
_GLUED_LINE_WORDS = 12  # the most words of a short line glued to the sentence after it
_HEADING_WORDS = 7  # the most words of a subheading run into the sentence after it
_HEADING_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LONGEST_WORD = 25  # characters per word past which a text is taken to be over a word limit uncounted


def split_joined(paragraph: str, quotes: _QuoteSides | None = None, offset: int = 0) -> list[str]:
    """``paragraph`` split where a scrape joined two sentences (or a sentence and a
    block) at a sentence end with no space: "...the difference.Russia's ambassador".
    A quotation mark at the join goes with the sentence it opens or closes: a curly
    mark by its shape, a straight one as :class:`_QuoteSides` reads it (``quotes``
    over the article, ``offset`` being where the paragraph starts in it)."""
    quotes = quotes or _QuoteSides(paragraph)
    cuts = []
    for m in _JOINED_END.finditer(paragraph):
        pos = m.end()
        mark = paragraph[pos] if pos < len(paragraph) else ""
        if mark in "”’" or (mark == '"' and not quotes.opens(offset + pos)):
            pos += 1  # a closing mark stays with its sentence
        if pos < len(paragraph) and (paragraph[pos].isupper() or paragraph[pos].isdigit() or paragraph[pos] in "\"“‘"):
            if paragraph[m.start() - 1].isdigit() and paragraph[pos].isdigit():
                continue  # 3.5 is a number
            cuts.append(pos)
    parts, last = [], 0
    for cut in cuts:
        parts.append(paragraph[last:cut])
        last = cut
    parts.append(paragraph[last:])
    return [p.strip() for p in parts if p.strip()]


def _glued_short_line(head: str, rest: str, function_words: frozenset[str]) -> bool:
    """Whether ``head``, the start of a block, is a short line that a scrape glued to
    the sentence ``rest`` without a space: twelve words or fewer with no sentence end
    and no open clause (a colon, comma or dash at its end), before an opening
    quotation mark and a capital ('Be the first to comment"During the ...'), before a
    capitalised function word ("... Summit WireThe Red Cross ..."; no name goes on
    with "The"), or ending in a small word of three letters or more before a
    capitalised word ("Be the first to commentLawyers ..."; not "iPhone", "eBay",
    "macOS", "PlayStation")."""
    words = _WORD.findall(head)
    if not 0 < len(words) <= _GLUED_LINE_WORDS or _TERMINAL.search(head.rstrip()) or head.rstrip()[-1:] in ":,;—–-(":
        return False
    if re.match(r"[\"“‘][A-Z]", rest):
        return True
    lead = re.match(r"([A-Z][a-z]*)\s", rest)
    if lead and lead.group(1).lower() in function_words:
        return True
    return bool(re.search(r"(?<![\w'’-])[a-z]{3,}$", head) and re.match(r"[A-Z][a-z]", rest))


def _soft_join(text: str, at: int) -> bool:
    """Whether ``text`` may have been joined at ``at`` by a scrape: a change of case
    (AdvertisementLawyer, GMTThe), a digit after a letter or a capital after a digit,
    a capital or opening mark after a bracket, colon, bar or sentence end, a word
    before an opening quotation mark, or a handle or symbol after a word."""
    a, b, c = text[at - 1], text[at], text[at + 1]
    if b.isupper():
        closing = a in "\"”’" and text[at - 2:at - 1] in tuple(".!?,")  # '...peace."Advertisement'
        initial = text[at - 2:at - 1].isupper() and not text[at - 3:at - 2].isupper()  # U.S.Senate, linkU.S.
        return a.islower() or (a.isupper() and c.islower()) or a.isdigit() or a in ")]:|" or closing \
            or (a in ".!?" and not initial)
    if b.isdigit():
        return a.isalpha() or (a in ")]:|!?\"”’") or (a == "." and not text[at - 2:at - 1].isdigit())
    if b in "\"“‘":
        return c.isupper() and (a.isalnum() or a in ".!?)]")
    return b in "(@#©" and (a.isalpha() or a in ".!?\"”’")


class _QuoteSides:
    """Which side of a straight quotation mark a quotation is on, read over the whole
    article. A mark whose characters tell (a space on one side, a word on the other)
    opens or closes a quotation. One that does not, such as one between a sentence
    end and a capital ('...inbox."Ukraine', '...peace."Advert'), is read by, in turn:
    a quotation opened earlier on the same line (it closes it); no quotation open at
    all, between a sentence end and a capital (it opens one); the next mark, where
    that one tells (it opens when the next one closes); the text up to the next
    mark, when that is a sentence on the same line (it opens); else it closes a
    quotation left open before it, or opens one."""

    def __init__(self, text: str):
        self._opens: dict[int, bool] = {}
        marks = [(m.start(), mark_role(text, m.start())) for m in _ANY_MARK.finditer(text)]
        opened_at: int | None = None  # where the quotation open now began
        for i, (pos, role) in enumerate(marks):
            if role != "either":
                opens = role == "open"
            else:
                nxt, after = marks[i + 1] if i + 1 < len(marks) else (len(text), "either")
                between = text[pos + 1:nxt]
                if opened_at is not None and "\n" not in text[opened_at:pos]:
                    opens = False
                elif opened_at is None and text[pos - 1:pos] in tuple(".!?") and text[pos + 1:pos + 2].isupper():
                    opens = True  # no quotation open, between a sentence end and a capital
                elif after != "either":
                    opens = after == "close"
                elif "\n" not in between and between[:1].isupper() and between.rstrip()[-1:] in tuple(".!?,"):
                    opens = True
                else:
                    opens = opened_at is None
            self._opens[pos] = opens
            opened_at = pos if opens else None

    def opens(self, pos: int) -> bool:
        return self._opens.get(pos, True)


def mask_quotes(text: str) -> str:
    """The text with its quotation marks, and everything inside them, replaced by
    spaces (marks read as :func:`eventwire.marks.find_marked` reads them)."""
    out = list(text)
    for quote in find_marked(text):
        end = quote.close + 1 if quote.close is not None else quote.end
        out[quote.open:end] = " " * (end - quote.open)
    return "".join(out).translate(_MARKS_TO_SPACES)  # the marks outside quotations too


_MARKS_TO_SPACES = str.maketrans(dict.fromkeys(MARKS, " "))


def _index(lexicons: dict[str, frozenset[str]]) -> dict:
    """term -> the lexicons it is in, plus the first words of the terms of two or three."""
    index: dict[str, tuple[str, ...]] = {}
    for name, terms in lexicons.items():
        for term in terms:
            index[term] = index.get(term, ()) + (name,)
    index[_LEADS] = frozenset(t.split()[0] for t in index if " " in t)
    return index


_LEADS = " leads"  # the key (never a word) under which _index keeps phrase-first words


def _signals(index: dict, text: str) -> dict[str, int]:
    """How many words and phrases of each lexicon ``text`` has, whole words, not
    counting all-capital abbreviations (US is not us)."""
    tokens = _TOKEN.findall(text)
    lows = [t.lower().replace("’", "'") for t in tokens]
    leads = index[_LEADS]
    hits: dict[str, int] = {}
    for i, low in enumerate(lows):
        names = index.get(low)
        if names and not (len(low) > 1 and tokens[i].isupper()):
            for name in names:
                hits[name] = hits.get(name, 0) + 1
        if low in leads and i + 1 < len(lows):
            two = low + " " + lows[i + 1]
            names = index.get(two) or (index.get(two + " " + lows[i + 2]) if i + 2 < len(lows) else None)
            for name in names or ():
                hits[name] = hits.get(name, 0) + 1
    return hits


def _split_keep_quotes(text: str) -> list[str]:
    """Sentence pieces; a closing quote mark stays with the sentence it closes."""
    out, last = [], 0
    for match in _SENTENCE_SPLIT.finditer(text):
        out.append(text[last:match.start()] + match.group(0).strip())
        last = match.end()
    out.append(text[last:])
    return out


def looks_like_headline(line: str) -> bool:
    """A first line that reads as a headline: short, no sentence end (at its end or
    inside it), mostly words."""
    words = _WORD.findall(line)
    return (2 <= len(words) <= 25 and len(line) <= 200 and not _TERMINAL.search(line.rstrip())
            and not _INNER_END.search(line))  # "...grain prices.Follow us on X" is a glued sentence


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
