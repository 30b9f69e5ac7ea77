"""The actors stage: mentions, codes, roles from the text, coreference, memory, actor files.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import json

import pytest

from eventwire.actors import Actors, ref_for, refs_for
from eventwire.config import Settings
from eventwire.gazetteer import Gazetteer
from eventwire.lexicons import load_tsv
from eventwire.memory import ActorMemory, read_petrarch_actors
from eventwire.pipeline import Pipeline


def actor(art, name_part):
    """The article's actor whose name or mentions hold ``name_part``."""
    for a in art.actors:
        if name_part in a.name or any(name_part in m for m in a.mentions):
            return a
    raise AssertionError(f"no actor {name_part!r} in {[(a.name, a.code) for a in art.actors]}")


def ref_of(art, phrase):
    start = art.text.index(phrase)
    return ref_for(art, start, start + len(phrase))


# -- 1. mentions and 2. codes ------------------------------------------------------

def test_countries_capitals_seats_and_adjectives(code):
    art = code("Moscow suspended talks with Tokyo. The Kremlin blamed Washington, and the White House "
               "answered. Iraqi officials said Canada would help.")
    assert actor(art, "Moscow").code == "RUS"
    assert actor(art, "Kremlin").code == "RUS"
    assert actor(art, "White House").code == "USA"
    assert actor(art, "Tokyo").code == "JPN"
    assert actor(art, "Iraqi officials").code == "IRQGOV"
    assert actor(art, "Canada").code == "CAN"


def test_role_noun_groups_take_country_and_sector(code):
    art = code("Iraqi special forces raided a village on Monday. Kenyan police arrested three men. "
               "Brazilian lawmakers rejected the bill, and Ethiopian soldiers crossed the border.")
    assert actor(art, "Iraqi special forces").code == "IRQMIL"
    assert actor(art, "Kenyan police").code == "KENPOL"
    assert actor(art, "Brazilian lawmakers").code == "BRALEG"
    assert actor(art, "Ethiopian soldiers").code == "ETHMIL"


def test_regions_and_organisations(code):
    art = code("European nations condemned the attack. NATO and the African Union called for calm. "
               "The Islamic State group claimed responsibility.")
    assert actor(art, "European nations").code == "EUR"
    assert actor(art, "NATO").code == "IGO:NATO"
    assert actor(art, "African Union").code == "IGO:AU"
    assert actor(art, "Islamic State").code == "NSA:ISIS"


def test_japanese_side_is_the_country(code):
    art = code("Officials in Moscow said the Japanese side had broken its promises.")
    assert ref_of(art, "the Japanese side").code == "JPN"


def test_country_that_is_only_a_place_does_not_act(code):
    art = code("Chilean Foreign Minister Ana Ruiz spoke at a news conference in Tokyo on Monday.")
    assert all(a.code != "JPN" for a in art.actors)
    assert ref_of(art, "Tokyo") is None
    places = [m for m in art.mentions if m.text == "Tokyo"]
    assert places and places[0].type == "PLACE"


# -- 3. roles from the text -------------------------------------------------------

def test_title_before_name_with_possessive_country(code):
    art = code("Peru's ambassador to Tokyo Carlos Vidal criticized the new visa rules on Tuesday.")
    vidal = actor(art, "Carlos Vidal")
    assert vidal.code == "PERGOV"  # the sending country, not the host
    assert vidal.type == "PERSON"
    assert "ambassador" in vidal.title
    assert ref_of(art, "Peru's ambassador to Tokyo Carlos Vidal").code == "PERGOV"


def test_ambassador_to_x_is_not_x(code):
    art = code("U.S. Ambassador to Japan Karen Miles signed the letter. Miles said it was fair.")
    assert actor(art, "Karen Miles").code == "USAGOV"


def test_envoy_for_x_takes_the_organisation(code):
    art = code("The U.N. special envoy for Syria Lars Holm urged both sides to stop fighting.")
    assert actor(art, "Lars Holm").code == "IGO:UN"


def test_apposition_gives_the_role(code):
    art = code("Maria Costa, the Portuguese defense minister, visited the base on Friday.")
    assert actor(art, "Maria Costa").code == "PRTGOV"


def test_countrys_intelligence_service(code):
    art = code("Iraq said on Friday that the country's intelligence service had arrested two men.")
    assert ref_of(art, "the country's intelligence service").code == "IRQSPY"


def test_possessor_person_gives_the_country(code):
    art = code("Chilean President Ana Vera met reporters. Vera's chief of staff Pablo Soto said the talks "
               "would go on.")
    assert actor(art, "Pablo Soto").code == "CHLGOV"


# -- 4. coreference -----------------------------------------------------------------

def test_surname_title_and_pronoun_take_the_resolved_actor(code):
    art = code("Russia's ambassador to Tokyo Oleg Marin blamed Japan on Friday. "
               "Marin said the sanctions were unfair. He accused Washington of pressure. "
               "The ambassador also met reporters.")
    marin = actor(art, "Oleg Marin")
    assert marin.code == "RUSGOV"
    assert {"Marin", "He", "The ambassador"} <= set(marin.mentions)
    assert ref_of(art, "He").name == "Oleg Marin"
    assert ref_of(art, "He").code == "RUSGOV"


def test_two_people_with_one_surname(code):
    art = code("Kenyan President John Otieno met Ugandan Foreign Minister Grace Otieno in Nairobi. "
               "Grace Otieno said the talks went well.")
    john, grace = actor(art, "John Otieno"), actor(art, "Grace Otieno")
    assert john.id != grace.id
    assert john.code == "KENGOV"
    assert grace.code == "UGAGOV"


def read_raw(pipeline, text: str):
    """The nlp and actors stages alone over ``text`` as it is (no cleaning)."""
    from eventwire.model import Article

    art = Article(id="raw", text=text, published="2024-03-08")
    for stage in pipeline.stages:
        if type(stage).__name__ in ("NLP", "Actors"):
            art = stage(art)
    return art


def test_lede_title_then_name(pipeline):
    art = read_raw(pipeline, "Sweden's foreign minister has criticized a court ruling on trade\n\n"
                             "Sweden's foreign minister criticized the court ruling on Monday.\n\n"
                             "Eva Lind said the decision would harm trade.")
    lind = actor(art, "Eva Lind")
    assert lind.code == "SWEGOV"
    assert lind.mentions.count("Sweden's foreign minister") == 1 and len(lind.spans) == 3


def test_compound_actor_gives_one_ref_per_conjunct(code):
    art = code("The minister accused the United States and NATO of meddling.")
    start = art.text.index("the United States and NATO")
    refs = refs_for(art, start, start + len("the United States and NATO"))
    assert [r.code for r in refs] == ["USA", "IGO:NATO"]
    assert ref_for(art, start, start + len("the United States and NATO")).code == "USA"


# -- 6. no guessing ------------------------------------------------------------------

def test_unknown_person_gets_null_code(code):
    art = code("Tomas Brel wrote a long letter about the weather.")
    assert actor(art, "Tomas Brel").code is None


# -- 5. memory across articles and actor files -------------------------------------------

def test_memory_is_a_snapshot_and_learning_a_separate_pass(tmp_path):
    from eventwire.pipeline import learn

    first_text = "Chilean President Ana Vera said the deal was good."
    second_text = "Vera said on Monday that the talks would resume."
    pipe = Pipeline(Settings())
    first = pipe.code_text(first_text, published="2024-01-02")
    assert actor(first, "Ana Vera").code == "CHLGOV"
    alone = Pipeline(Settings()).code_text(second_text, published="2024-02-03")
    after = pipe.code_text(second_text, published="2024-02-03")
    assert after.to_dict() == alone.to_dict()  # nothing carries over from the article coded before
    assert not [a for a in after.actors if a.code == "CHLGOV"]
    (tmp_path / "a.txt").write_text(first_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second_text, encoding="utf-8")
    memory = learn([tmp_path], Settings(), published="2024-01-02")
    entry = memory.lookup("Ana Vera")
    assert (entry.code, entry.first_seen, entry.last_seen) == ("CHLGOV", "2024-01-02", "2024-01-02")
    path = tmp_path / "people.tsv"
    memory.save(path)
    coded = Pipeline(Settings(actor_memory=path)).code_text(second_text, published="2024-02-03")
    assert actor(coded, "Vera").code == "CHLGOV"


def test_learning_is_order_free(tmp_path):
    import random

    seen = [("Ana Vera", "CHLGOV", "President", "2024-01-02"), ("Ana Vera", "CHLOPP", "opposition leader",
                                                                "2024-03-01"),
            ("ana vera", "CHLOPP", "opposition leader", "2023-12-30"), ("Ana Vera", "CHLGOV", "President", None),
            ("Lars Holm", "IGOUNO", "envoy", "2024-02-02"), ("Lars Holm", "NORGOV", "minister", "2024-02-01")]
    files = set()
    for n in range(6):
        random.Random(n).shuffle(seen)
        memory = ActorMemory()
        half = ActorMemory()
        for i, obs in enumerate(seen):
            (memory if i % 2 else half).learn(*obs)
        memory.merge(half)  # split in two and merged: the same as one pass
        path = tmp_path / f"m{n}.tsv"
        memory.save(path)
        files.add(path.read_text(encoding="utf-8"))
    assert len(files) == 1
    memory = ActorMemory()
    memory.load(path)
    vera = memory.lookup("Ana Vera")
    assert (vera.code, vera.first_seen, vera.last_seen, vera.seen) == ("CHLGOV", "2023-12-30", "2024-03-01", 2)
    assert memory.lookup("Lars Holm").code == "IGOUNO"  # a tie goes to the alphabetically first code


def test_user_actor_file_wins_over_memory(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("# my actors\nname\tcode\ttitle\taliases\nAna Vera\tCHLOPP\topposition leader\tA. Vera\n",
                    encoding="utf-8")
    pipe = Pipeline(Settings(actor_files=(user,)))
    pipe.code_text("Chilean President Ana Vera said the deal was good.", published="2024-01-02")
    art = pipe.code_text("Ana Vera said the talks would resume.", published="2024-02-03")
    assert actor(art, "Ana Vera").code == "CHLOPP"


def test_memory_save_and_load(tmp_path):
    memory = ActorMemory()
    memory.learn("Ana Vera", "CHLGOV", "President", "2024-01-02")
    memory.learn("Ana Vera", "CHLGOV", "President", "2024-03-01")
    path = tmp_path / "memory.tsv"
    memory.save(path)
    again = ActorMemory()
    again.load(path)
    entry = again.lookup("Vera")
    assert (entry.code, entry.first_seen, entry.last_seen) == ("CHLGOV", "2024-01-02", "2024-03-01")


def test_yaml_actor_file(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- name: Tomas Brel\n  code: CZEBUS\n  aliases: [T. Brel]\n", encoding="utf-8")
    memory = ActorMemory()
    assert memory.load_actor_file(path) == 1
    assert memory.lookup("T. Brel").code == "CZEBUS"


def test_petrarch_actors_import(tmp_path):
    path = tmp_path / "sample.actors"
    path.write_text(
        "# a tiny TABARI dictionary\n"
        "ANA_VERA_ [CHLGOV 180101-221231] [CHLOPP >230101]  # dated codes\n"
        "+VERA_\n"
        "TOMAS_BREL_ [CZEBUS]\n"
        "LARS_HOLM_\n"
        "+HOLM_\n"
        "[IGOUNO]\n", encoding="utf-8")
    entries = read_petrarch_actors(path)
    assert [e.name for e, _ in entries] == ["Ana Vera", "Tomas Brel", "Lars Holm"]
    memory = ActorMemory()
    memory.load_actor_file(path)
    vera = memory.lookup("Vera")
    assert vera.code_on("2020-05-01") == "CHLGOV"
    assert vera.code_on("2024-05-01") == "CHLOPP"
    assert memory.lookup("Tomas Brel").code == "CZEBUS"
    assert memory.lookup("Holm").code == "IGOUNO"


def test_bad_actor_file_is_reported(tmp_path):
    from eventwire.memory import ActorFileError

    path = tmp_path / "bad.tsv"
    path.write_text("who\twhat\nx\ty\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match="missing column"):
        ActorMemory().load_actor_file(path)


def test_cli_actor_memory_is_saved(tmp_path, monkeypatch, capsys):
    from eventwire.cli import main

    doc = tmp_path / "a.txt"
    doc.write_text("Chilean President Ana Vera said the deal was good.", encoding="utf-8")
    memory = tmp_path / "memory.tsv"
    assert main(["code", str(doc), "--format", "jsonl", "--quiet", "--actor-memory", str(memory)]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[0])
    assert any(a["code"] == "CHLGOV" for a in out["actors"])
    assert "Ana Vera\tCHLGOV" in memory.read_text(encoding="utf-8")


# -- data files --------------------------------------------------------------------------

@pytest.mark.parametrize("name,columns", [
    ("countries.tsv", ("code", "kind", "text")),
    ("organizations.tsv", ("code", "type", "text")),
    ("roles.tsv", ("text", "sector", "kind")),
    ("org_words.tsv", ("word", "sector", "kind")),
])
def test_data_files_load(name, columns):
    rows = load_tsv(name, columns)
    assert len(rows) > 50
    for row in rows:
        assert all(row[c] for c in columns), row["_where"]


def test_data_file_values_are_valid():
    gaz = Gazetteer()
    kinds = {"name", "adj", "demonym_plural", "capital", "seat", "region"}
    assert {kind for _, kind in gaz.geo.values()} <= kinds
    sectors = {"GOV", "MIL", "POL", "JUD", "LEG", "OPP", "REB", "PTY", "MED", "BUS", "CVL", "REF", "HRI",
               "EDU", "HLH", "NGO", "LAB", "CRM", "SPY", None}
    assert {sector for sector, _ in gaz.roles.values()} <= sectors
    assert {kind for _, kind in gaz.roles.values()} <= {"title", "group"}
    assert gaz.display["RUS"] == "Russia" and gaz.display["USA"] == "United States"
    assert gaz.org_display["IGO:UN"] == "United Nations"
    assert {sector for sector, _ in gaz.org_words.values()} <= sectors
    assert {kind for _, kind in gaz.org_words.values()} <= {"body", "document", "works"}


def test_user_lexicon_row_wins(tmp_path):
    (tmp_path / "organizations.tsv").write_text("code\ttype\ttext\nNGO:XYZ\tNGO\tFriends of Rivers\n",
                                                encoding="utf-8")
    gaz = Gazetteer(Settings(lexicon_dirs=(tmp_path,)))
    assert gaz.orgs["Friends of Rivers"] == "NGO:XYZ"
    assert gaz.orgs["NATO"] == "IGO:NATO"


def test_seed_article_actors(code, shared_dir):
    text = (shared_dir / "corpora" / "seed" / "ap-galuzin-2022-11-11.txt").read_text(encoding="utf-8")
    art = code(text, published="2022-11-11")
    gold = json.loads((shared_dir / "gold" / "dev" / "seed-galuzin.json").read_text(encoding="utf-8"))
    for g in gold["actors"]:
        last = g["name"].split()[-1]
        assert any(last in " ".join([a.name, *a.mentions]) and a.code == g["code"] for a in art.actors), g


def test_ref_for_prefers_the_head_of_the_phrase(code):
    art = code("A statement issued by Chilean President Ana Vera criticized Peru. "
               "Talks between officials in Lima were cancelled.")
    assert ref_of(art, "A statement issued by Chilean President Ana Vera").code == "CHLGOV"
    assert ref_of(art, "Talks between officials in Lima") is None  # actors under "between" do not head it


def test_person_name_beats_a_country_inside_it(code):
    art = code("Basketball star Michael Jordan met Jordanian officials in Amman.")
    assert actor(art, "Michael Jordan").type == "PERSON"
    assert actor(art, "Jordanian officials").code == "JORGOV"


def test_it_and_they_take_the_subject_actor(code):
    art = code("Japan imposed new sanctions on Monday. It also expelled two diplomats.\n"
               "Kenyan police blocked the road. They arrested ten people.")
    assert ref_of(art, "It").code == "JPN"
    assert ref_of(art, "They").code == "KENPOL"


def test_unnamed_groups_take_the_home_country(code):
    art = code("Somalia's parliament met on Monday. Opposition lawmakers walked out, and security forces "
               "guarded the building in Mogadishu. Somalia's president signed the bill.")
    assert actor(art, "Opposition lawmakers").code == "SOMOPP"
    assert actor(art, "security forces").code == "SOMMIL"


def test_unnamed_workers_teachers_and_nurses_take_the_home_country(code):
    # labour, schools and hospitals are a country's own, like its police and parties
    art = code("Chile's government raised fuel prices on Monday. Teachers walked out of schools, dock "
               "workers joined them, and nurses marched in Santiago. Chile's president defended the plan.")
    assert actor(art, "Teachers").code == "CHLEDU"
    assert actor(art, "dock workers").code == "CHLLAB"
    assert actor(art, "nurses").code == "CHLHLH"
    art = code("Bolivia's government arrested an opposition leader on Monday. Activists protested in "
               "La Paz, and the Bolivian president defended the arrest.")
    assert actor(art, "Activists").code == "BOLHRI"


def test_organisation_rows_have_codes_in_the_code_column():
    for row in load_tsv("organizations.tsv", ("code", "type", "text")):
        code = row["code"]
        assert ":" in code or (len(code) in (3, 6) and code.isupper()), row["_where"]
    for row in load_tsv("countries.tsv", ("code", "kind", "text")):
        assert len(row["code"]) == 3 and row["code"].isupper(), row["_where"]


def test_copula_gives_the_role_and_affiliates_keep_the_group(code):
    art = code("Maria Costa is the Portuguese defense minister. The attack was claimed by IS-Somalia.")
    assert actor(art, "Maria Costa").code == "PRTGOV"
    assert actor(art, "IS-Somalia").code == "NSA:ISIS"


# -- roles read from any phrasing (issue 11): one invented sentence per family ---------------

@pytest.mark.parametrize("text,name,expected", [
    # "X of the Body, a think tank in City": sector from the body's name, country from its place
    ("Omar Haddad of the Cedar Policy Institute, a think tank in Ankara, said Turkey would wait.",
     "Omar Haddad", "TUREDU"),
    # "X, a professor at Body": the role, and the country inside the body's name
    ("Maria Jensen, an associate professor of history at the National University of Singapore, "
     "told reporters the vote was close.", "Maria Jensen", "SGPEDU"),
    # "X, who heads Body in City"
    ("Dana Korr, who heads the Kestrel Institute in Nairobi, said the plan would fail.", "Dana Korr", "KENEDU"),
    # "X <works> at Body": a verb of working at a body, after other words
    ("Lena Farah lectures on African politics at the University of Somalia.", "Lena Farah", "SOMEDU"),
    # "X, head of Body in City": the body's sector wins over the generic head
    ("Peter Okafor, head of the Amber Foundation in Lagos, said the plan would fail.", "Peter Okafor", "NGANGO"),
    # "Body's X"
    ("The Kenyan Kestrel Institute's Mara Quill said the plan would fail.", "Mara Quill", "KENEDU"),
    # "X, an <adjective> <noun>": the nationality, no sector the text does not give
    ("Marco Bellini, an Italian novelist, said the plan would fail.", "Marco Bellini", "ITA"),
    # a local office holder with no country: the article's own
    ("Nyeri County Commissioner Jane Mwangi said on Monday that Kenyan police would patrol the road. "
     "Kenya's government agreed.", "Jane Mwangi", "KENGOV"),
    # an envoy of a country to a body is the country's
    ("British Deputy U.N. Ambassador Jane Kowalski told reporters the plan was bad.", "Jane Kowalski", "GBRGOV"),
])
def test_roles_from_any_phrasing(code, text, name, expected):
    art = code(text)
    assert actor(art, name).code == expected


def test_a_countrys_mission_to_a_body_is_the_countrys(code):
    art = code("Chile's U.N. mission rejected the claim, and the U.S. Mission to the United Nations "
               "said talks would go on. The rescue mission ended on Friday.")
    assert actor(art, "Chile's U.N. mission").code == "CHLGOV"
    assert actor(art, "U.S. Mission").code == "USAGOV"
    assert all("rescue mission" not in a.mentions for a in art.actors)


def test_a_body_named_with_its_place_gets_a_code(code):
    art = code("Dana Korr, who heads the Kestrel Institute in Nairobi, said the plan would fail.")
    assert actor(art, "Kestrel Institute").code == "KENEDU"


def test_a_body_with_no_place_and_no_home_country(code):
    # a foundation (NGO) of no place in an article of no home country: an international NGO by its short name
    art = code("Lena Holt of the Birchwood Foundation said the plan would fail.")
    assert actor(art, "Lena Holt").code == "NGO:BIRCHWOOD"
    art = code("Lena Holt of the Birchwood Institute said the plan would fail.")
    assert actor(art, "Lena Holt").code is None  # a think tank (EDU) of no place is not guessed


# -- the built-in dictionary and dated entries ---------------------------------------------

def test_builtin_dictionary_codes_by_publication_date():
    from eventwire.memory import builtin_dictionary

    d = builtin_dictionary()
    assert len(d) > 15000
    erdogan = d.lookup("Recep Tayyip Erdogan", ("PERSON",))
    assert erdogan.code_on("2021-06-01") == "TURGOV"  # an open span holds on
    assert erdogan.code_on("1995-06-01") == "TUR"  # before office: the country only
    suga = d.lookup("Yoshihide Suga", ("PERSON",))
    assert suga.code_on("2007-01-01") == "JPNGOV"
    assert suga.code_on("2021-01-01") == "JPN"  # a closed span never makes a former official a sitting one
    assert d.lookup("Erdogan", ("PERSON",)) is erdogan  # an alias the dictionary gives
    assert d.lookup("Recep Tayyip Erdogan", ("ORG",)) is None


def test_builtin_dictionary_codes_a_bare_name(code):
    art = code("Recep Tayyip Erdogan said on Monday that talks would go on.", published="2021-06-01")
    assert actor(art, "Erdogan").code == "TURGOV"


def test_builtin_dictionary_can_be_turned_off():
    stage = Actors(Settings(builtin_actors=False))
    assert stage.dictionary is None


def test_user_tsv_person_with_dates_is_used_by_date(tmp_path):
    path = tmp_path / "people.tsv"
    path.write_text("name\tcode\tstart\tend\n"
                    "Tomas Vrana\tCZEGOV\t2019-01-01\t2022-12-31\n"
                    "Tomas Vrana\tCZEOPP\t2023-01-01\t\n", encoding="utf-8")
    pipe = Pipeline(Settings(actor_files=(path,)))
    earlier = pipe.code_text("Tomas Vrana said the budget would pass.", published="2021-05-01")
    later = pipe.code_text("Tomas Vrana said the budget would fail.", published="2024-05-01")
    assert actor(earlier, "Vrana").code == "CZEGOV"
    assert actor(later, "Vrana").code == "CZEOPP"


def test_user_tsv_dates_must_be_iso(tmp_path):
    from eventwire.memory import ActorFileError

    path = tmp_path / "people.tsv"
    path.write_text("name\tcode\tstart\nTomas Vrana\tCZEGOV\t2019\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match="people.tsv:2: date '2019'"):
        ActorMemory().load_actor_file(path)


def test_petrarch_reader_dated_forms_and_types(tmp_path):
    path = tmp_path / "forms.actors"
    path.write_text(
        "ANA_VERA_ [CHLELI]  # a default code, then indented dated lines\n"
        "+VERA_\n"
        "\t[CHLGOV 180101-221231]\n"
        "\t[CHLOPP > 230101]\n"
        "LARS_HOLM_ [SWEGOV < 990816]\n"
        "OLD_GUARD_ [SWEGOV 19450101-19501231] [---]\n"
        "RIVERTON_CITY_POLICE_ [RIVPOL]\n"
        "RIVERTON_ [RIV]\n"
        "THE_NORTHERN_FRONT_ [RIVREB]\n", encoding="utf-8")
    entries = {e.name: e for e, _ in read_petrarch_actors(path)}
    vera = entries["Ana Vera"]
    assert vera.code == "CHLELI"  # the default is kept beside the dated codes
    assert vera.code_on("2020-05-01") == "CHLGOV"
    assert vera.code_on("2024-05-01") == "CHLOPP"  # "> 230101" with a space
    assert vera.code_on("2017-05-01") == "CHLELI"  # no span holds: the default
    assert entries["Lars Holm"].code_on("1998-01-01") == "SWEGOV"
    assert entries["Lars Holm"].code_on("2001-01-01") == "SWE"  # after a closed span: the entity only
    assert entries["Old Guard"].code is None  # the null code
    assert entries["Old Guard"].code_on("1947-01-01") == "SWEGOV"  # an eight-digit date
    assert [entries[n].type for n in ("Ana Vera", "Riverton City Police", "Riverton", "The Northern Front")] == \
        ["PERSON", "ORG", "COUNTRY", "ORG"]


def test_a_body_from_an_actors_file_is_not_a_person(tmp_path):
    path = tmp_path / "bodies.actors"
    path.write_text("RIVERTON_CITY_POLICE_ [RIVPOL]\n", encoding="utf-8")
    memory = ActorMemory()
    memory.load_actor_file(path)
    assert memory.lookup("Riverton City Police").type == "ORG"


# -- the typed contract between stages ---------------------------------------------------------

def test_mentions_are_public_typed_and_not_serialised(code):
    from eventwire.model import Mention

    art = code("Chilean Foreign Minister Ana Ruiz met Japan's ambassador in Tokyo.")
    assert art.mentions and all(isinstance(m, Mention) for m in art.mentions)
    ruiz = next(m for m in art.mentions if "Ana Ruiz" in m.text)
    assert (ruiz.code, ruiz.kind, ruiz.type) == ("CHLGOV", "name", "PERSON")
    assert [m.start for m in art.mentions] == sorted(m.start for m in art.mentions)
    assert "mentions" not in art.to_dict()
    assert "mentions" not in art.model_json_schema()["properties"]


def test_prison_guards_are_police_of_the_home_country(code):
    art = code("Inmates escaped from a prison in Bolivia on Sunday. Bolivian officials said prison guards "
               "fired warning shots. The guards later caught twelve of the men in La Paz, Bolivia.")
    assert ref_of(art, "prison guards").code == "BOLPOL"
    assert ref_of(art, "The guards").code == "BOLPOL"


def test_chagossians_are_the_chagos_people(code):
    art = code("Chagossians protested in London on Monday against the plan.")
    assert ref_of(art, "Chagossians").code == "IOT"


def test_think_tank_without_a_place_is_known(code):
    art = code('"The talks will fail," said Maria Lenz of the Brookings Institution. '
               "Tomas Adler, a fellow at Chatham House, disagreed.")
    assert actor(art, "Maria Lenz").code == "USAEDU"
    assert actor(art, "Tomas Adler").code == "GBREDU"


def test_outlet_language_service_is_the_outlet_not_the_country(code):
    art = code("The minister spoke to reporters in Tirana. He told VOA Albanian that talks would resume.")
    assert ref_of(art, "VOA Albanian").code == "USAMED"
    assert [m.code for m in art.mentions if m.text == "Albanian"] == []
    assert all(a.code != "ALB" for a in art.actors)


def test_shadow_cabinet_titles_are_opposition(code):
    art = code("Britain's government defended the deal on Monday. Alan Price, the shadow home secretary "
               "for Britain's Labour Party, called it a mistake.")
    assert actor(art, "Alan Price").code == "GBROPP"


def test_second_role_of_a_copula_gives_the_body(code):
    art = code("Peter Otieno said the vote was fair. Otieno is the former chair of the department of law "
               "and is now associate dean of studies at the University of Lisbon.")
    assert actor(art, "Peter Otieno").code == "PRTEDU"


def test_transnational_movements_and_networks_are_known(code):
    art = code("The Muslim Brotherhood rejected the plan. Lena Vogt of the Inter-Parliamentary Alliance "
               "on China said the Alliance of Democracies had been sanctioned.")
    assert actor(art, "Muslim Brotherhood").code == "NSA:MUSLIMBROTHERHOOD"
    assert actor(art, "Lena Vogt").code == "NGO:IPAC"
    assert actor(art, "Alliance of Democracies").code == "NGO:AOD"


def test_copula_subject_before_a_title_is_a_person(code):
    art = code("Aid groups said the talks had stalled. Guled Hirsi is the executive director of the Baidoa "
               "Peace Foundation in Somalia. Hirsi called for calm.")
    assert actor(art, "Guled Hirsi").code == "SOMNGO"


def test_generic_agents_inmates_protest_leaders_and_ruling_councils(code):
    art = code("Sudanese protest leaders rejected the offer on Monday. Sudan's sovereign council said it would "
               "resume talks. Dozens of Sudanese inmates escaped from a prison in Khartoum, Sudan.")
    assert ref_of(art, "Sudanese protest leaders").code == "SDNOPP"
    assert ref_of(art, "Sudan's sovereign council").code == "SDNGOV"
    assert ref_of(art, "Sudanese inmates").code == "SDNCRM"


# -- the built-in people (data/leaders.tsv) ---------------------------------------------------

def test_leaders_file_is_valid():
    from eventwire.lexicons import data_path
    from eventwire.memory import read_tsv_actors

    gaz = Gazetteer()
    entities = {code for code, _ in gaz.geo.values()} | {c for c in gaz.orgs.values() if ":" in c}
    sectors = {"GOV", "MIL", "POL", "JUD", "LEG", "OPP", "REB", "PTY", "BUS", "SPY", "NGO", ""}
    pairs = read_tsv_actors(data_path("leaders.tsv"))
    assert len(pairs) >= 120
    owner: dict[str, str] = {}
    for entry, aliases in pairs:
        assert entry.type == "PERSON" or (entry.type == "ORG" and entry.spans), entry.name  # ORG: dated movements
        assert entry.code or entry.spans, entry.name
        codes = [c for _, _, c in entry.spans] + ([entry.code] if entry.code else [])
        for c in codes:
            ent = c if ":" in c else c[:3]
            assert ent in entities and (":" in c or c[3:] in sectors), (entry.name, c)
        spans = sorted((s or "", e or "9999") for s, e, _ in entry.spans)
        for (s, e) in spans:
            assert s <= e, entry.name
        for (_, e), (s, _) in zip(spans, spans[1:]):
            assert e <= s, f"{entry.name}: overlapping spans"
        for name in [entry.name, *aliases]:
            key = name.lower()
            assert owner.setdefault(key, entry.name) == entry.name, f"{name!r} names two people"


def test_bare_named_leader_takes_the_code_of_the_date(code):
    text = "Trump said on Monday that the talks would go on."
    assert actor(code(text, published="2019-06-01"), "Trump").code == "USAGOV"
    assert actor(code(text, published="2023-06-01"), "Trump").code == "USA"  # out of office: the country
    assert actor(code(text, published="2025-06-01"), "Trump").code == "USAGOV"
    text = "Jens Stoltenberg said on Monday that the talks would go on."
    assert actor(code(text, published="2020-06-01"), "Stoltenberg").code == "IGO:NATO"
    assert actor(code(text, published="2012-06-01"), "Stoltenberg").code == "NOR"  # the default, between spans


def test_leaders_win_over_the_dictionary_and_lose_to_user_files(code, tmp_path):
    text = "Yoshihide Suga said on Monday that the talks would go on."
    assert actor(code(text, published="2021-03-01"), "Suga").code == "JPNGOV"  # the dictionary says JPN
    path = tmp_path / "people.tsv"
    path.write_text("name\tcode\nYoshihide Suga\tJPNOPP\n", encoding="utf-8")
    art = Pipeline(Settings(actor_files=(path,))).code_text(text, published="2021-03-01")
    assert actor(art, "Suga").code == "JPNOPP"


# -- relatives, ages, coordinated nationalities ---------------------------------------------

def test_relatives_take_the_persons_country_as_civilians(code):
    art = code("Chilean President Ana Vera left office on Monday. Her son, Tomas Vera Rios, said she was tired.")
    assert actor(art, "Tomas Vera Rios").code == "CHLCVL"
    art = code("Kenyan police shot Daniel Otieno in Nairobi on Monday. Kenya's interior ministry said the police "
               "acted lawfully. The victim's brother, Samuel Otieno, said the police fired first.")
    assert actor(art, "Samuel Otieno").code == "KENCVL"


def test_a_person_described_by_age_alone_is_a_civilian(code):
    art = code("Kenyan police shot Peter Mwangi, 34, in Nairobi on Monday. Kenya's government denied it. "
               "Kenyan officials said the police acted lawfully.")
    assert actor(art, "Peter Mwangi").code == "KENCVL"


def test_coordinated_nationalities_give_one_group_each(code):
    art = code("Some (Turkish and Egyptian) intelligence officers met in Cairo on Monday.")
    groups = sorted((a.name, a.code) for a in art.actors if a.type == "GROUP")
    assert groups == [("Egyptian intelligence officers", "EGYSPY"), ("Turkish intelligence officers", "TURSPY")]
    art = code("Kenyan, Somali and Ethiopian troops attacked the camp on Monday.")
    groups = sorted(a.code for a in art.actors if a.type == "GROUP")
    assert groups == ["ETHMIL", "KENMIL", "SOMMIL"]


def test_a_former_title_gives_way_to_what_the_person_is_now(code):
    art = code("Lars Henrikson, a former Swedish defense minister who is now an analyst at the Kestrel "
               "Institute in Oslo, said the plan would fail.")
    assert actor(art, "Henrikson").code == "NOREDU"
    art = code("Former Swedish Defense Minister Lars Henrikson said the plan, now before parliament, "
               "would fail.")
    assert actor(art, "Henrikson").code == "SWEGOV"  # "now" of something else


def test_a_countrys_known_official_keeps_the_sector(code):
    art = code("Hungary's Peter Szijjarto said the talks would resume.", published="2024-03-08")
    assert actor(art, "Szijjarto").code == "HUNGOV"  # leaders.tsv
    art = code("Hungary's Anna Kovacs said the talks would resume.")
    assert actor(art, "Kovacs").code == "HUN"  # nobody known: the country only


def test_a_bodys_title_and_a_later_bare_noun_take_the_named_body(code):
    art = code("Kenya refused to attend hearings at the International Court of Justice. The court's president, "
               "Judge Maria Lindqvist, rejected Kenya's request. The court regrets the decision of Kenya.")
    assert actor(art, "Lindqvist").code == "IGO:ICJ"
    assert ref_of(art, "The court regrets").code == "IGO:ICJ"
    assert sorted(a.code for a in art.actors) == ["IGO:ICJ", "IGO:ICJ", "KEN"]


def test_provincial_and_local_offices_keep_their_level(code):
    art = code("Kenyan police arrested the protesters. Lamu County Commissioner Irungu Macharia said the curfew "
               "would stay. Kenya's government backed him.")
    assert (actor(art, "Macharia").code, actor(art, "Macharia").level) == ("KENGOV", "local")
    assert actor(art, "Kenya's government").level is None
    art = code("Nairobi Governor Johnson Sakaja said the city would reopen. The Kenyan government agreed.")
    assert (actor(art, "Sakaja").code, actor(art, "Sakaja").level) == ("KENGOV", "regional")
    assert actor(art, "Sakaja").model_dump()["level"] == "regional"  # in the JSON output
    art = code("Governor Kofi Mensah of the Bank of Ghana said rates would rise. Ghana's government agreed.")
    assert actor(art, "Mensah").level is None  # a bank's governor


def test_role_levels_are_valid():
    assert set(Gazetteer().role_levels.values()) == {"regional", "local"}
    assert Gazetteer().role_levels["mayors"] == "local"


def test_place_prepositions_are_one_list_for_actors_and_events():
    from eventwire import actors, events
    from eventwire.lexicons import load_yaml

    words = actors.ActorWords.load()
    assert words.place_preps == events.Events().lexicon["place_preps"] == frozenset(load_yaml("modality.yaml")["place_preps"])
    assert {"in", "into", "within"} <= words.place_preps


def test_more_role_shapes(code):
    art = code("Kenyan police raided the village. Twenty-year-old Amina Wekesa said the police beat her. "
               "Kenya's government denied it.")
    assert actor(art, "Wekesa").code == "KENCVL"  # "X-year-old Name"
    art = code("Haitian police killed Jean Pierre Bastien, the leader of the Cite de Paix gang, on Friday. "
               "Haiti's government praised the police.")
    assert actor(art, "Bastien").code == "HTICRM"  # a particle inside the gang's name
    art = code("Former French Ambassador Luc Marchand said the plan would fail. Marchand is now an analyst "
               "at the Montaigne Institute.")
    assert actor(art, "Marchand").code == "FRAEDU"  # "now" in a later sentence; a listed think tank
    art = code("Haitian police said 25 died in the mutiny. The prison inspector general, Hector Paul Joseph, "
               "was killed.")
    a = actor(art, "Joseph")
    assert (a.name, a.code) == ("Hector Paul Joseph", "HTIGOV")  # a first name the tagger left out


def test_a_title_of_no_sector_takes_the_sector_of_the_body_it_heads(code):
    art = code("Kevin Hassel, director of the White House National Economic Council, said tariffs would stay.")
    assert actor(art, "Hassel").code == "USAGOV"


def test_people_described_by_nationality_alone_are_civilians(code):
    art = code("Frankie Bontell and Maxwell Evans are second-generation Chagossians whose parents were forced out.")
    assert sorted((a.name, a.code) for a in art.actors if a.type == "PERSON") == [
        ("Frankie Bontell", "IOTCVL"), ("Maxwell Evans", "IOTCVL")]  # the second name is a person too
    art = code("Maria Costa and Rui Lopes are Portuguese lawmakers.")
    assert actor(art, "Costa").code != "PRTCVL"  # a role noun: not a private person


def test_a_person_tied_to_another_country_keeps_it_not_the_home_country(code):
    # a nationality in the noun phrase before the name, a country right after it: not the article's country
    art = code("Chile welcomes foreign chefs. Chile has many of them. The best known in Chile is a Dutch "
               "pastry cook, Pieter Janssen, who opened a bakery in Chile. Her clients include the painter "
               "Ana Souza from the Philippines and others in Chile.")
    assert sorted((a.name, a.code) for a in art.actors if a.type == "PERSON") == [
        ("Ana Souza", "PHL"), ("Pieter Janssen", "NLD")]


def test_justice_is_a_judges_title_only_in_title_case_before_a_name(code):
    art = code("Kenya's High Court ruled on Monday. Justice Anne Mwangi said the law in Kenya was void. "
               "Protesters in Kenya demanded justice for the victims.")
    assert actor(art, "Mwangi").code == "KENJUD"
    assert actor(art, "Mwangi").title == "Justice"
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Anne Mwangi"]


def test_a_body_appointing_before_a_hyphen_owns_the_title(code):
    art = code("Peru's government closed the radio station. United Nations-appointed special rapporteur Karl Brandt "
               "criticized Peru on Monday. Peru's police arrested two reporters in Peru.")
    assert actor(art, "Brandt").code == "IGO:UN"


def test_a_title_of_no_sector_takes_the_home_country_only_where_it_clearly_leads(code):
    text = ("Chile and Peru held talks in Chile on Monday. Chile wants a deal. Peru wants one too. "
            "Laura Benitez, a director at the Andes Monitor, said the talks went well.")
    assert actor(code(text), "Benitez").code is None  # Chile holds 3 of 5 country mentions
    art = code(text.replace("Peru wants one too.", "Chile wants it soon."))
    assert actor(art, "Benitez").code == "CHL"  # 4 of 5


def test_a_house_of_representatives_is_the_countrys_the_text_gives(code):
    # many countries have one: not the United States' unless the text says so
    art = code("Thailand's cabinet approved the plan. Thailand's House of Representatives passed the bill on Monday. "
               "The U.S. House of Representatives also debated Thailand.")
    assert ref_of(art, "Thailand's House of Representatives").code == "THALEG"
    assert ref_of(art, "The U.S. House of Representatives").code == "USALEG"


def test_an_envoy_for_the_home_country_is_none_of_its_people(code):
    text = ("Chile held talks on Monday. Chile wants a deal. Chile says so. Peru disagrees. "
            "Laura Benitez, who was the special envoy for Chile until May, said the talks went well.")
    assert actor(code(text), "Benitez").code is None
    art = code(text.replace("who was the special envoy for Chile until May", "who lives in Santiago"))
    assert actor(art, "Benitez").code == "CHLCVL"  # one who only speaks


def test_a_plural_title_is_each_listed_names(code):
    art = code("Kenya's High Court ruled on Monday. Judges Anne Mwangi and Peter Otieno said the vote in Kenya "
               "was valid.")
    assert actor(art, "Anne Mwangi").code == "KENJUD"
    assert actor(art, "Peter Otieno").code == "KENJUD"  # the title of the list, not only of its first name
    art = code("Foreign Minister Lars Henrikson, Ole Brandt said the talks in Norway went well.")
    assert actor(art, "Ole Brandt").title is None  # a singular title is one person's


def test_an_untitled_person_who_only_speaks_is_a_civilian(code):
    text = ("Kenya's parliament removed the deputy president on Friday. Opinion in Kenya was split. "
            "\"He seemed divisive,\" said James Kamau. Mary Wanjiku {} the vote. Kenyan lawmakers defended it.")
    art = code(text.format("said she disliked"))
    assert [(a.name, a.code) for a in art.actors if a.type == "PERSON"] == [
        ("James Kamau", "KENCVL"), ("Mary Wanjiku", "KENCVL")]
    art = code(text.format("attacked"))
    assert actor(art, "Mary Wanjiku").code == "KEN"  # she acts: the text does not say who she is


def test_title_abbreviations_in_capitals(code):
    art = code("PM Shehbaz Sharif of Pakistan met the press. Former DP Rigathi Gachagua of Kenya said the talks "
               "would end at 5 pm on Monday.", published="2024-11-08")
    assert actor(art, "Sharif").code == "PAKGOV"
    assert actor(art, "Gachagua").code == "KENGOV"  # the role the article gives, though his term had ended
    assert not any(a.title and "pm" in a.title for a in art.actors)  # "5 pm" is no title


def test_a_country_named_after_at_is_an_actor(code):
    art = code("Ethiopia lashed out at Kenya on Monday. Talks were held at the Kenyan embassy in Addis Ababa.")
    assert actor(art, "Kenya").code == "KEN"  # one is "in Kenya", never "at Kenya": a target, not a place
    assert [(e.source.code, e.target.code) for e in art.events] == [("ETH", "KEN")]


def test_an_untitled_person_doing_an_offices_act_holds_it(code):
    art = code("Kenya's High Court ruled on Monday. Mary Otieno and Paul Kamau heard the appeal in Nairobi. "
               "Judge Grace Wanjiru, who heard the case along with Tom Mboya, said more would follow. "
               "Peter Njoroge heard the news in Kenya.")
    assert [(a.name, a.code) for a in art.actors if a.type == "PERSON"] == [
        ("Mary Otieno", "KENJUD"), ("Paul Kamau", "KENJUD"), ("Grace Wanjiru", "KENJUD"),
        ("Tom Mboya", "KENJUD"), ("Peter Njoroge", "KEN")]  # hearing news is no court's act


def test_a_name_set_off_by_commas_after_a_title_is_a_person(code):
    art = code("Albania's former prime minister Ilir Dema was barred from travel, as was his daughter, "
               "Liberty Sterling, the State Department said.", published="2021-05-22")
    assert actor(art, "Liberty Sterling").code == "ALBCVL"  # the tagger's ORG
    art = code("Kenya's foreign minister, Nairobi, said the talks went well.")
    assert not any(a.name == "Nairobi" and a.type == "PERSON" for a in art.actors)  # a city is no name


@pytest.mark.parametrize("published, expected", [("2021-05-09", "AFGREB"), ("2022-05-09", "AFGGOV")])
def test_a_movement_takes_the_code_it_holds_on_the_articles_date(code, published, expected):
    art = code("The Taliban attacked a checkpoint near Kabul. Taliban fighters killed two soldiers.",
               published=published)
    assert actor(art, "Taliban").code == expected  # governs Afghanistan since 2021-08-15
    assert actor(art, "Taliban fighters").code == expected


def test_an_indefinite_title_takes_the_name_of_the_next_speaker(code):
    art = code("A spokesman for Afghan President Omar Zaki rejected the accusations on Sunday. \"They must stop the "
               "killing,\" Ahmad Rahimi told VOA.", published="2021-05-09")
    assert actor(art, "Omar Zaki").code == "AFGGOV"
    assert actor(art, "Omar Zaki").title == "President"  # the president is not the spokesman
    rahimi = actor(art, "Ahmad Rahimi")
    assert (rahimi.code, rahimi.title) == ("AFGGOV", "spokesman")
    art = code("A spokesman for Afghan President Omar Zaki rejected the accusations on Sunday.",
               published="2021-05-09")
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Omar Zaki"]  # nobody named: no actor


# -- unseen news: shapes found by coding stories outside the dev set ----------------------------------

def codes_of(art):
    """Every actor of the article as (name, code), to assert exact sets (no extras)."""
    return {(a.name, a.code) for a in art.actors}


def test_un_agencies_by_what_they_do(code):
    art = code("The U.N. children’s agency warned of hunger in the valley, and the UN food agency sent grain. "
               "The U.N. health agency said clinics were full.")
    assert codes_of(art) == {("UNICEF", "IGO:UNICEF"), ("World Food Programme", "IGO:WFP"),
                             ("World Health Organization", "IGO:WHO")}


def test_well_known_companies_and_outlets(code):
    art = code("Boeing said it would cut jobs. Huawei denied the report, Kyodo said.")
    assert codes_of(art) == {("Boeing", "USABUS"), ("Huawei", "CHNBUS"), ("Kyodo", "JPNMED")}


def test_honorific_before_a_surname_links_to_the_full_name(code):
    art = code("Russian President Viktor Orlov spoke on Monday. Mr. Orlov said the talks would go on.")
    assert codes_of(art) == {("Viktor Orlov", "RUSGOV"), ("Russia", "RUS")}
    assert "Mr. Orlov" not in {a.name for a in art.actors}


def test_possessor_before_an_apposition_gives_its_code(code):
    art = code("U.N. Secretary-General Ana Pereira condemned the killings in Myanmar. Myanmar's army has shot "
               "protesters in Myanmar for weeks. The killings were unacceptable, Pereira's spokesman, Luc Marchand, "
               "told reporters.")
    assert actor(art, "Luc Marchand").code == "IGO:UN"  # the possessor's body, not the home country
    assert actor(art, "Ana Pereira").code == "IGO:UN"


def test_bare_secretary_before_a_name_is_a_cabinet_office(code):
    art = code("U.S. Secretary of State Mara Quinn met Canadian officials in Ottawa. Secretary Quinn said trade "
               "would resume.")
    assert actor(art, "Secretary Quinn").name == "Mara Quinn"  # one person
    assert actor(art, "Mara Quinn").code == "USAGOV"
    art = code("Homeland Security Secretary Dana Voss visited the border. The secretary said crossings fell.")
    assert codes_of(art) == {("Dana Voss", "USAGOV"), ("Homeland Security", "USAGOV")}


def test_a_body_named_with_its_place_before_a_role_noun(code):
    art = code("Indonesian students lag behind, and Indonesia must act, said University of Melbourne professor "
               "Andrew Rossi. Indonesia's schools need money, Rossi said.")
    assert actor(art, "Andrew Rossi").code == "AUSEDU"  # the university's country, not the article's
    assert actor(art, "Rossi").name == "Andrew Rossi"


def test_a_name_after_a_body_noun_is_that_body(code):
    art = code("The minister told Indonesian newspaper Kumara that results were poor.")
    assert codes_of(art) == {("Kumara", "IDNMED"), ("Indonesia", "IDN")}
    art = code("Taliban spokesman Ahmad Noori told Afghan broadcaster Pamir News on Tuesday that the ban stands.",
               published="2023-05-02")
    assert codes_of(art) == {("Ahmad Noori", "AFGGOV"), ("Taliban", "AFGGOV"), ("Afghanistan", "AFG"),
                             ("Pamir News", "AFGMED")}  # no "Afghan broadcaster" person
    art = code("The Kenyan firm Lumo Farms denied the report on Friday.")
    assert codes_of(art) == {("Lumo Farms", "KENBUS"), ("Kenya", "KEN")}
    art = code("Chinese state broadcaster CCTV said the meeting went well.")
    assert codes_of(art) == {("CCTV", "CHNMED"), ("China", "CHN")}  # a known outlet keeps its code
    art = code("Veteran broadcaster John Simmons said the war was over on social media Friday.")
    assert [a.name for a in art.actors] == ["John Simmons"]  # a person after a title noun stays a person


def test_a_role_given_in_a_relative_clause(code):
    art = code("Rina Sari, who heads the Indonesian health ministry, said the outbreak was over.")
    assert codes_of(art) == {("Rina Sari", "IDNHLH"), ("the Indonesian health ministry", "IDNHLH"),
                             ("Indonesia", "IDN")}
    art = code("Kofi Mensah, who runs Ghana's central bank, said inflation fell.")
    assert codes_of(art) == {("Kofi Mensah", "GHAGOV"), ("Ghana's central bank", "GHAGOV"), ("Ghana", "GHA")}
    art = code("Thai activists protested the deportation. Chalida Tajaroensuk, who heads Thailand's People's "
               "Empowerment Foundation, echoed the concerns.")
    assert actor(art, "Chalida Tajaroensuk").type == "PERSON"  # "who": a person, whatever the tagger said
    assert actor(art, "Chalida Tajaroensuk").code == "THANGO"


def test_family_name_first_follow_up_mentions(code):
    art = code("North Korean leader Kim Jong Chol fired a missile on Monday. Kim said more would follow.")
    assert codes_of(art) == {("Kim Jong Chol", "PRKGOV"), ("North Korea", "PRK")}
    art = code("Xu Quanming, a Beijing teacher, said the games were harmful. Xu added that the rules came late.")
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Xu Quanming"]  # "Xu" is the same person


def test_an_office_before_a_ranked_name_after_a_comma(code):
    art = code("Pakistan's military spokesman, Lt. Gen. Ahmed Karim Malik, said 33 attackers died.")
    malik = actor(art, "Ahmed Karim Malik")
    assert (malik.name, malik.code, malik.title) == ("Ahmed Karim Malik", "PAKMIL", "military spokesman")
    assert {a.name for a in art.actors if a.type == "PERSON"} == {"Ahmed Karim Malik"}
    art = code("Col. Ann Reyes of the Philippine army said the rebels fled.")
    assert actor(art, "Ann Reyes").code == "PHLMIL"  # the abbreviated rank is a title ("Col.", roles.tsv)
    assert actor(art, "Ann Reyes").name == "Ann Reyes"


@pytest.mark.parametrize("text", ["Both the Kenyan and the Ugandan ministers agreed on Monday that a joint force was needed.",
                                  "The Kenyan and the Ugandan presidents met in Kampala on Monday."])
def test_coordinated_nationalities_each_with_an_article(code, text):
    # an article before each adjective: each is its country's group (this crashed the stage once)
    art = code(text)
    assert art.ok, art.error
    groups = sorted(a.code for a in art.actors if a.type == "GROUP")
    assert groups == ["KENGOV", "UGAGOV"]


def test_un_resident_coordinator_is_the_uns(code):
    art = code("The U.N. Resident Coordinator for Myanmar Andrew Kirk said aid was blocked.")
    assert codes_of(art) == {("Andrew Kirk", "IGO:UN"), ("United Nations", "IGO:UN"), ("Myanmar", "MMR")}


def test_a_party_adjective_before_a_role_gives_the_partys_country(code):
    art = code("Ukraine and Russia agreed to talks. Republican Representative Tom Hale welcomed the deal, and "
               "Democratic lawmakers said Russia must agree.")
    assert codes_of(art) == {("Ukraine", "UKR"), ("Russia", "RUS"), ("Tom Hale", "USALEG"),
                             ("Democratic lawmakers", "USALEG")}
    art = code("Social-Democratic lawmakers in Sweden rejected the plan.")
    assert all(not (a.code or "").startswith("USA") for a in art.actors)  # part of another party's name


def test_a_lone_city_name_is_no_person(code):
    art = code("Police said Beledweyne was calm after Somali troops arrived.")
    assert codes_of(art) == {("Police", "SOMPOL"), ("Somali troops", "SOMMIL"), ("Somalia", "SOM")}
    art = code("Anna Houston, a Kenyan lawyer, filed the case. Houston said the court would rule soon.")
    assert actor(art, "Houston").name == "Anna Houston"  # a surname of the article's person stays a name


def test_a_well_known_university_gives_its_country(code):
    art = code("China's AI push worries Washington, said Maria Lopez, director of Cornell University's emerging "
               "markets institute. China will lead, Lopez said.")
    assert codes_of(art) == {("China", "CHN"), ("United States", "USA"), ("Maria Lopez", "USAEDU"),
                             ("Cornell University", "USAEDU")}  # not the article's country


def test_a_capitalised_word_opening_a_three_word_name(code):
    art = code("The court in Harare heard that Precious Tendai Moyo had fled Zimbabwe.")
    assert codes_of(art) == {("The court in Harare", "ZWEJUD"), ("Zimbabwe", "ZWE"),
                             ("Precious Tendai Moyo", "ZWE")}


def test_a_name_set_off_before_a_body_apposition_is_that_body(code):
    art = code("Leaders agreed to act. The Ledger , an Indian online publication, said, “At present, India faces "
               "challenges.”")
    assert codes_of(art) == {("The Ledger", "INDMED"), ("India", "IND")}  # no "an Indian online publication"
    art = code("Lumo Analytics, a Singaporean consultancy firm, said prices rose.")
    assert codes_of(art) == {("Lumo Analytics", "SGPBUS"), ("Singapore", "SGP")}
    art = code("Ann Lee, a Kenyan teacher, said the schools were closed.")
    assert actor(art, "Ann Lee").code == "KENEDU"  # a person's apposition is unchanged


def test_the_person_a_body_is_led_by_takes_its_code(code):
    art = code("Officials said al-Shabab is now being led by Abdul Karim Nur, who was based in Mogadishu.")
    assert codes_of(art) == {("Officials", "SOMGOV"), ("al-Shabab", "SOMREB"), ("Abdul Karim Nur", "SOMREB")}
    art = code("Al-Shabab fighters attacked a base. The Somali militia, headed by Omar Hersi Farah, denied the attack.")
    assert actor(art, "Omar Hersi Farah").code == "SOMREB"  # not the home country alone


def test_a_role_set_off_by_dashes_is_the_persons(code):
    art = code("Interim President Omar al-Harbi signed the decree. Al-Harbi — leader of the Islamist Hayat Tahrir "
               "al-Sham — said it marked a new era.", published="2025-03-14")
    harbi = actor(art, "Omar al-Harbi")
    assert "leader of the Islamist Hayat Tahrir al-Sham" in harbi.mentions  # no actor of its own
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Omar al-Harbi"]


def test_a_given_name_before_a_patronymic_names_the_person_again(code):
    art = code("Malaysian Prime Minister Anwar Rahman met Chinese officials. Anwar said trade would grow.")
    assert codes_of(art) == {("Anwar Rahman", "MYSGOV"), ("Malaysia", "MYS"), ("Chinese officials", "CHNGOV"),
                             ("China", "CHN")}


def test_faiths_regions_and_verbs_are_no_actors(code):
    art = code("Kenyan leaders said the law protects Christianity, Islam and Judaism. Attacks spread across the "
               "Sahel region, officials in Nairobi said.")
    assert codes_of(art) == {("Kenyan leaders", "KENGOV"), ("officials in Nairobi", "KENGOV"), ("Kenya", "KEN")}
    art = code("“Suffice to say, we are hopeful,” Kenyan President Ruto said. The bus travelled from Quetta to "
               "Peshawar.")
    assert codes_of(art) == {("Ruto", "KENGOV"), ("Kenya", "KEN")}
    art = code("During a visit to Mardan for a security meeting Thursday, Pakistani officials said 30 passengers "
               "were rescued.")  # a lone city read as an organisation
    assert codes_of(art) == {("Pakistani officials", "PAKGOV"), ("Pakistan", "PAK"), ("30 passengers", "PAKCVL")}


def test_concepts_file_loads():
    rows = load_tsv("concepts.tsv", ("text", "kind"))
    assert {row["kind"] for row in rows} <= {"religion", "region", "event", "disease"}
    assert {"Islam", "Sahel", "Brexit"} <= Gazetteer().concepts


def test_a_body_whose_name_gives_no_place(code):
    art = code("Tom Hale of the World Lumen Foundation said the talks had failed.")
    assert codes_of(art) == {("Tom Hale", "NGO:WLF"), ("the World Lumen Foundation", "NGO:WLF")}
    art = code("Kenya's floods left thousands homeless in Kenya. Jane Wambui, head of the Lumen Aid Society, "
               "said Kenya needed help.")
    assert actor(art, "Jane Wambui").code == "KENNGO"  # a national body of the home country
    art = code("Maria Lopez, program director of the Orchid Rights Foundation, a Thai rights group, said the men "
               "were held.")
    assert actor(art, "Maria Lopez").code == "THANGO"  # the apposition's country
    art = code("Tom Hale of the National Lumen Institute said the talks had failed.")
    assert actor(art, "Tom Hale").code is None  # a country's own body, no country read


def test_a_name_the_tagger_read_as_a_body_is_a_person_by_what_follows(code):
    art = code("Artur Romano, director of the Asia bureau of the Lumen Aid Society, called it a blatant case.")
    assert actor(art, "Artur Romano").type == "PERSON"
    assert "director of the Asia bureau" in actor(art, "Artur Romano").mentions  # no actor of its own
    art = code("Lydia Kamau, 29, works at the office of the county government, where she helps the blind.")
    assert [(a.name, a.type) for a in art.actors] == [("Lydia Kamau", "PERSON")]
    art = code("Hong Kong tycoon Jimmy Lam was jailed. “Time is running out for my father,” Sebastien Lam said.")
    assert actor(art, "Sebastien Lam").type == "PERSON"
    art = code("Lumen Aid, a Kenyan charity, said it would help.")
    assert actor(art, "Lumen Aid").type == "ORG"  # a body set off by a group noun stays a body


def test_a_generic_title_names_the_office_holder_again(code):
    art = code("Israeli Prime Minister Avi Dror met Kenyan officials on Monday. The Israeli leader said talks "
               "went well.")
    dror = actor(art, "Avi Dror")
    assert dror.code == "ISRGOV" and "The Israeli leader" in dror.mentions
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Avi Dror"]


def test_a_permanent_representative_is_a_diplomat(code):
    art = code("Pakistan's permanent representative to the United Nations, Omar Qadir, spoke on Monday.")
    assert actor(art, "Omar Qadir").code == "PAKGOV"


def test_a_second_role_joined_by_and_is_the_persons(code):
    art = code("“It is a start.” Omar Haddad, co-founder and executive director of the Lebanese Center for Legal "
               "Studies and Research, says that the text has gaps.")
    assert codes_of(art) == {("Omar Haddad", "LBNEDU"), ("Lebanon", "LBN")}  # no "executive director of ..."
    art = code("“They might be deported,” Somchai Wongsa, an opposition lawmaker and deputy chair of the Senate "
               "committee, told VOA.")
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Somchai Wongsa"]
    art = code("Kenyan police arrested Tom Otieno on Monday. Otieno is also president of the Kisumu Traders "
               "Union.")
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Tom Otieno"]


def test_a_name_before_a_place_noun_is_a_place(code):
    art = code("Gunmen raided a school in the village of Kagara overnight, Nigerian police said.")
    assert codes_of(art) == {("Gunmen", "NGAREB"), ("a school", "NGAEDU"), ("Nigerian police", "NGAPOL"),
                             ("Nigeria", "NGA")}
    art = code("A drone fell in the Sado area of Tor Kham district, Afghan officials said.")
    assert codes_of(art) == {("Afghan officials", "AFGGOV"), ("Afghanistan", "AFG")}


def test_a_name_ending_in_a_document_word_is_no_actor(code):
    art = code("The clashes follow a report by the Global Conflict Index, which named the region a hot spot.")
    assert codes_of(art) == set()
    art = code("The Lumen Research Program found that prices rose.")
    assert codes_of(art) == set()


def test_a_seat_given_as_based_and_a_labelled_body_give_the_persons_code(code):
    art = code("“It will not change,” Ivan Petrov, director of the Berlin-based Lumen Studies Center, told VOA.")
    assert actor(art, "Ivan Petrov").code == "DEUEDU"  # the seat, not the home country or a place in the name
    art = code("Andrew Hale of the Dutch international affairs think tank Lumenhuis said the plots were growing.")
    assert actor(art, "Andrew Hale").code == "NLDEDU"
    assert (actor(art, "Lumenhuis").type, actor(art, "Lumenhuis").code) == ("ORG", "NLDEDU")


def test_an_office_before_a_ranked_name_with_no_closing_comma(code):
    art = code("U.S. Air Force Chief of Staff, General Tom Reyes said the plane was lost.")
    assert codes_of(art) == {("Tom Reyes", "USAMIL"), ("U.S. Air Force", "USAMIL")}
    assert actor(art, "Tom Reyes").title == "Chief of Staff"  # the office, no actor of its own


def test_an_illness_is_no_actor(code):
    art = code("Travel slowed during COVID-19, Kenyan officials said.")
    assert codes_of(art) == {("Kenyan officials", "KENGOV"), ("Kenya", "KEN")}


def test_a_body_whose_name_holds_its_country(code):
    art = code("The Kenya Institute for Water Research, or KIWR, said prices rose. KIWR staff said wells dried up.")
    assert codes_of(art) == {("The Kenya Institute for Water Research", "KENEDU"), ("KIWR", "KENEDU"),
                             ("Kenya", "KEN")}  # the acronym after ", or" takes the body's code
    art = code("The Berlin-based Lumen Russia Studies Center said sanctions worked.")
    assert actor(art, "Lumen Russia Studies Center").code == "DEUEDU"  # the seat, not the subject
    art = code("The Asia Lumen Studies Center in Houston said trade fell.")
    assert ("Asia Lumen Studies Center", "ASAEDU") not in codes_of(art)  # a region in a name is no seat


def test_a_past_office_of_an_organisation_gives_not_its_code(code):
    art = code("Former NATO Secretary General Anders Fogh Rasmussen criticized Russia on Tuesday.",
               published="2021-06-10")
    assert actor(art, "Rasmussen").code == "DNK"  # his dictionary default, not IGO:NATO
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "DNK", "RUS")]
    art = code("Ex-U.N. envoy Dario Velluti criticized Russia on Tuesday.")
    assert actor(art, "Velluti").code is None  # nothing else known: no code, no event
    assert art.events == []
    art = code("Mona Reyes, a former State Department official, criticized Russia on Tuesday.")
    assert actor(art, "Reyes").code == "USAGOV"  # a past office of a country's body: the role the text gives
    art = code("Former Swedish Defense Minister Lars Henrikson criticized Russia on Tuesday.")
    assert actor(art, "Henrikson").code == "SWEGOV"


def test_an_armed_group_noun_of_no_country_is_the_armed_group_named_before(code):
    art = code("Al-Shabab claimed the raid near the Kenyan border town of Mandera. Kenyan police said the "
               "Islamist militants attacked a police post in Kenya on Monday.", published="2021-06-10")
    assert actor(art, "Islamist militants").code == "SOMREB"  # al-Shabab's, not KENREB
    assert [(e.source.code, e.target.code) for e in art.events if e.type == "ASSAULT"] == [("SOMREB", "KENPOL")]
    art = code("Kenyan police said militants attacked a police post in Kenya on Monday. Kenya's government "
               "condemned the attack.")
    assert actor(art, "militants").code == "KENREB"  # no armed group named: the country's rebels


def test_the_group_led_by_a_person_is_the_armed_group_named_before(code):
    art = code("The Islamic State group lost ground in Syria. Officials say there is confidence that the group "
               "is now being led by Yusuf Dahir Warsame, who is based in Somalia. Warsame threatened Iraq.")
    assert actor(art, "Warsame").code == "NSA:ISIS"
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("THREATEN", "NSA:ISIS", "IRQ")]
    art = code("The Islamic State group lost ground in Syria. Aid workers say talking to armed groups in Nigeria "
               "is a crime there.")
    assert actor(art, "armed groups").code != "NSA:ISIS"  # groups in general refer back to no one


def test_an_acronym_after_an_unnamed_group_is_the_same_group(code):
    art = code("Kenya must fund the Kenyan National Police (KNP), the embassy said. Gunmen later attacked the KNP "
               "in Lamu.")
    knp = actor(art, "KNP")
    assert (knp.name, knp.code) == ("the Kenyan National Police", "KENPOL")
    assert not any(a.name == "KNP" for a in art.actors)  # no actor of its own, with no code
    assert [(e.source.code, e.target.code) for e in art.events if e.type == "ASSAULT"] == [("KENREB", "KENPOL")]


def test_a_bare_surname_shared_with_relatives_named_as_such_stays_with_the_main_person(code):
    art = code("Former Moldovan President Dario Velluti was sanctioned by the United States on Monday, as were his "
               "wife, Anna Velluti, and his son, Marco Velluti. Velluti rejected the allegations.")
    assert [(e.type, e.source.code) for e in art.events if e.type == "REJECT"] == [("REJECT", "MDAGOV")]
    assert actor(art, "Dario Velluti").mentions[-1] == "Velluti"
    art = code("Marco Velluti, a Moldovan banker, was questioned on Monday. Velluti rejected the allegations.")
    assert actor(art, "Marco Velluti").mentions[-1] == "Velluti"  # no relative: the usual rule


def test_a_countrys_envoy_to_an_international_body_is_its_diplomat(code):
    art = code("Mexico's representative to the United Nations criticized Brazil on Monday.")
    assert actor(art, "Mexico's representative").code == "MEXGOV"  # not MEXLEG
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "MEXGOV", "BRA")]
    art = code("The plan was criticized by Chilean representatives at a U.N. Security Council meeting.")
    assert actor(art, "Chilean representatives").code == "CHLGOV"
    art = code("Republican Representative Ann Bell of Ohio criticized the U.N. on Monday.")
    assert actor(art, "Ann Bell").code == "USALEG"  # a lawmaker still


def test_a_head_of_a_body_takes_the_bodys_sector(code):
    art = code("Kenya's army was deployed. The commander of the Kenyan army, Paul Mwangi, criticized Somalia.")
    assert actor(art, "Paul Mwangi").code == "KENMIL"
    art = code("Haiti's prisons were searched. The inspector general of the Haitian National Police, Marc Antoine, "
               "criticized the guards.")
    assert actor(art, "Marc Antoine").code == "HTIPOL"  # not the GOV of "inspector general"
    art = code("The head of Kenya's foreign ministry, Anne Wanjiku, criticized Somalia.")
    assert actor(art, "Anne Wanjiku").code == "KENGOV"


@pytest.mark.parametrize("text, name", [
    ("The Danish navy stopped the tanker Vesterhav off Skagen on Monday.", "Vesterhav"),
    ("Danish divers searched the wreck of the ferry Nordlys on Monday.", "Nordlys"),
])
def test_a_name_after_a_things_label_is_no_actor(code, text, name):
    art = code(text)
    assert name not in [a.name for a in art.actors]


def test_un_bodies_named_by_what_they_do_in_any_printing(code):
    art = code("The head of the U.N.'s refugee agency, Paul Brand, criticized Kenya on Monday.")
    assert [(a.name, a.code) for a in art.actors] == [("Paul Brand", "IGO:UNHCR"), ("UNHCR", "IGO:UNHCR"),
                                                     ("Kenya", "KEN")]
    art = code("Kenya gave the U.N. Refugee Agency two weeks.")
    assert actor(art, "Refugee Agency").code == "IGO:UNHCR"
    art = code("The U.N. children’s program said on Monday that Sudan attacked schools.")
    assert actor(art, "children’s program").code == "IGO:UNICEF"


def test_army_spokesperson_and_well_known_bodies(code):
    art = code("The Pakistani army spokesperson criticized India.")
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "PAKMIL", "IND")]
    art = code("Farai Moyo, the Zanu PF information director, criticized the ACLU.")
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "ZWEPTY", "USAHRI")]


def test_a_countrys_possessive_wins_over_the_city_or_body_where_its_office_sits(code):
    art = code("Guatemala's Washington embassy criticized Mexico.")
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "GTMGOV", "MEX")]
    art = code("Iran's U.N. mission criticized France.")
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "IRNGOV", "FRA")]


def test_a_title_of_a_countrys_named_body_takes_the_bodys_sector(code):
    art = code("Anna Lutz, president of Ghana's Association of Cocoa Growers, criticized Togo.")
    assert [(a.name, a.code) for a in art.actors] == [("Anna Lutz", "GHANGO"), ("Ghana", "GHA"), ("Togo", "TGO")]
    art = code("Anna Lutz, the chief of Kenya's Supreme Court, criticized Togo.")
    assert actor(art, "Anna Lutz").code == "KENJUD"
    art = code("Anna Lutz, president of Ghana, criticized Togo.")
    assert actor(art, "Anna Lutz").code == "GHAGOV"  # the country itself: the title's sector


def test_a_country_before_an_academic_role_at_a_body_is_the_subject_the_body_employs(code):
    art = code("Tom Ward, a North Korean expert at Stanford University, criticized Japan.")
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ACCUSE", "USAEDU", "JPN")]
    art = code("Tom Ward, the Japan chair at Brookings Institution, criticized China.")
    assert actor(art, "Tom Ward").code == "USAEDU"
    art = code("Tom Ward, a Japanese diplomat at the United Nations, criticized China.")
    assert actor(art, "Tom Ward").code == "JPNGOV"  # a country's office: its own


def test_doctor_and_professor_are_honorifics(code):
    art = code("Dr. Anna Lutz criticized Uganda on Monday. Dr. Lutz said the plan failed.")
    assert [a.name for a in art.actors if a.type == "PERSON"] == ["Anna Lutz"]


def test_a_title_before_nouns_and_another_title_modifies_it(code):
    art = code("Nigeria's deputy health director, Olu Badmus, criticized Ghana on Monday.")
    assert [(a.name, a.code) for a in art.actors if a.type == "PERSON"] == [("Olu Badmus", "NGA")]  # no LEG deputy


def test_a_title_of_no_sector_takes_the_home_country_as_an_untitled_name_does(code):
    art = code("Olu Badmus, the deputy project director, urged Nigerians to stay calm. Nigeria's "
               "government met in Nigeria on Monday and Nigeria's police watched.")
    assert actor(art, "Olu Badmus").code == "NGA"


def test_a_named_body_only_a_state_has_is_the_home_countrys(code):
    art = code("The provincial Directorate of Information and Culture banned the books in Kabul, Afghanistan, on "
               "Monday. Afghanistan's Taliban rejected Pakistan's claims.")
    assert actor(art, "Directorate of Information").code == "AFGGOV"
    assert ("COERCE", "AFGGOV") in [(e.type, e.source.code) for e in art.events]
    art = code("The International Bureau of Weights met in Kabul, Afghanistan, on Monday. Afghanistan's Taliban "
               "rejected Pakistan's claims.")
    assert actor(art, "International Bureau").code is None  # an international body: no country's


def test_a_storms_name_is_no_actor(code):
    art = code("Cyclone Nala hit Malawi on Monday, and Malawi's government sent troops. Officials in Malawi said "
               "Cyclone Nala killed two people. Nala hit Mozambique too.")
    assert [a.name for a in art.actors if a.type == "PERSON"] == []
    assert [(e.type, e.source.code) for e in art.events] == [("MOBILIZE", "MWIGOV")]  # no storm's ASSAULT


def test_a_kind_of_group_labels_the_name_after_it(code):
    art = code("The rebel group Sun River Front attacked Kenyan police in Lamu on Monday.")
    assert [(a.name, a.code) for a in art.actors] == [("Sun River Front", "KENREB"), ("Kenyan police", "KENPOL"),
                                                     ("Kenya", "KEN")]
    assert [(e.type, e.source.code, e.target.code) for e in art.events] == [("ASSAULT", "KENREB", "KENPOL")]


def test_a_users_modality_file_extends_the_actors_word_lists(tmp_path):
    # the stage's word lists come from data/modality.yaml and the user's lexicon folders, per stage
    text = "The Danish navy stopped the barge Vesterhav off Skagen on Monday."
    plain = Pipeline().code_text(text)
    assert "Vesterhav" in [a.name for a in plain.actors]
    (tmp_path / "modality.yaml").write_text("thing_labels: [barge]\n", encoding="utf-8")
    extended = Pipeline(Settings(lexicon_dirs=(tmp_path,))).code_text(text)
    assert "Vesterhav" not in [a.name for a in extended.actors]
    assert "barge" in Actors(Settings(lexicon_dirs=(tmp_path,))).words.thing_labels
    assert "barge" not in Actors().words.thing_labels


def test_a_missing_actor_word_list_is_an_error_naming_it(tmp_path, monkeypatch):
    from eventwire import actors as actors_module
    from eventwire.lexicons import LexiconError
    lists = dict(actors_module.cached_yaml("modality.yaml"))
    del lists["thing_labels"]
    monkeypatch.setattr(actors_module, "cached_yaml", lambda name, dirs=(): lists)
    with pytest.raises(LexiconError, match="thing_labels"):
        actors_module.ActorWords.load()


@pytest.mark.parametrize("text", [
    "Kenya's U.N. ambassador, Amos Wekesa, attended the talks, but his U.N. mission criticized France.",  # a named envoy
    "Kenya's U.N. ambassador attended the talks, but his U.N. mission criticized France.",  # an envoy by title
])
def test_his_un_mission_is_the_envoys_country(code, text):
    art = code(text)
    assert actor(art, "his U.N. mission").code == "KENGOV"
    assert [(e.type, e.source.code, e.target.code) for e in art.events if e.type == "ACCUSE"] == [("ACCUSE", "KENGOV", "FRA")]
