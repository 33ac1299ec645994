"""Sources: a kind of its own, named by id from any entity, checked like every other
reference; text for readers that speaks of how the playbook was written is warned about;
`playbook migrate` turns sources written as labels into source files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.check import check
from generators.errors import UserError
from generators.migrate import migrate
from tests.conftest import DEFAULT_PLAYBOOK, edit, rendered

BOOK = ("id: social-selling-mastery\ntitle: Social Selling Mastery\nauthor: Jamie Shanks\n"
        "publisher: Sales for Life\nkind: book\n")


def _source(playbook: Path, name: str, text: str) -> Path:
    path = playbook / "sources" / f"{name}.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cite(playbook: Path, text: str) -> Path:
    """Give the minimal playbook's SDR role a `sources:` block written as `text`."""
    role = playbook / "roles/sdr.yml"
    role.write_text(role.read_text(encoding="utf-8") + text, encoding="utf-8")
    return role


def test_a_source_named_by_id_is_checked(playbook: Path) -> None:
    _source(playbook, "social-selling-mastery", BOOK)
    _cite(playbook, "sources: [social-selling-mastery]\n")
    assert rendered(playbook) == []
    source = check(playbook).playbook.of("source")["social-selling-mastery"]
    assert source.byline == "Jamie Shanks, Sales for Life"


def test_an_unknown_source_names_its_file_line_and_field(playbook: Path) -> None:
    _source(playbook, "social-selling-mastery", BOOK)
    _cite(playbook, "sources:\n  - social-selling-mastry\n  - Social Selling Mastery\n")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:21:5: sources[0]: unknown source 'social-selling-mastry' "
        "(did you mean 'social-selling-mastery'?)",
        "playbook/roles/sdr.yml:22:5: sources[1]: unknown source 'Social Selling Mastery' "
        "(name a source by the id of its file in sources/; `playbook migrate` makes one for "
        "each source written as a label, and names it by its id)",
    ]


@pytest.mark.parametrize(("line", "message"), [
    ("url: javascript:alert(1)", "url: not a web address: write one that starts with "
                                 "https:// or http://"),
    ("url: ftp://example.com/book", "url: not a web address: write one that starts with "
                                    "https:// or http://"),
    ("year: 2020\npublished: 2021-09-28", "year 2020 is not the year of published "
                                          "(2021-09-28)"),
    ("kind: a book that is described at far greater length than a short label allows here",
     "kind: text is longer than 60 characters"),
])
def test_a_source_with_a_bad_field_is_refused(playbook: Path, line: str, message: str) -> None:
    _source(playbook, "book", f"id: book\ntitle: A Book\n{line}\n")
    problems = rendered(playbook)
    assert len(problems) == 1 and problems[0].startswith("playbook/sources/book.yml:"), problems
    assert message in problems[0]


def test_published_gives_the_year(playbook: Path) -> None:
    _source(playbook, "post", "id: post\ntitle: A Post\npublisher: Tribal Impact\n"
                              "published: 2021-09-28\nurl: https://example.com/post\n")
    assert rendered(playbook) == []
    assert check(playbook).playbook.of("source")["post"].byline == "Tribal Impact, 2021"


def test_text_for_readers_about_the_playbook_s_making_is_warned_about(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "purpose: Opens conversations with target accounts.",
         "purpose: Opens conversations, as the source says.")
    edit(playbook / "roles/sdr.yml", "      - Research target stakeholders.",
         "      - Research stakeholders (see the Inventory).\n"
         "      - Read 000_1c4a9c2ffe1c6c8d.txt")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:4:1: warning: purpose: text for readers mentions 'the source', "
        "which readers cannot follow (say it in the playbook's own words, or move it to the "
        "notes at the top level of the file, which the site shows only under 'For editors')",
        "playbook/roles/sdr.yml:9:9: warning: areas[0].activities[0]: text for readers "
        "mentions 'Inventory', which readers cannot follow (say it in the playbook's own "
        "words, or move it to the notes at the top level of the file, which the site shows "
        "only under 'For editors')",
        "playbook/roles/sdr.yml:10:9: warning: areas[0].activities[1]: text for readers "
        "mentions '000_1c4a9c2ffe1c6c8d.txt', which readers cannot follow (say it in the "
        "playbook's own words, or move it to the notes at the top level of the file, which "
        "the site shows only under 'For editors')",
    ]


def test_notes_sources_and_words_that_only_look_alike_are_not_warned_about(
        playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "purpose: Opens conversations with target accounts.",
         "purpose: Opens conversations; open sources, the sourcing plan and inventories "
         "of accounts are fine.\nnotes: [The source says so (Appendix B, inventory).]")
    _source(playbook, "appendix-b", "id: appendix-b\ntitle: Seed file\n"
                                    "url: https://example.com/inventory/appendix\n")
    _cite(playbook, "sources: [appendix-b]\n")
    assert rendered(playbook) == []


def test_a_source_titled_by_a_file_name_is_told_to_take_its_real_title(
        playbook: Path) -> None:
    _source(playbook, "seed", "id: seed\ntitle: 002_bd6ea357438d58f5.txt\n")
    assert rendered(playbook) == [
        "playbook/sources/seed.yml:2:1: warning: title: text for readers mentions "
        "'002_bd6ea357438d58f5.txt', which readers cannot follow (give the source the title, "
        "author and year readers can look it up by)"]


# `playbook migrate`

def _files(playbook: Path) -> dict[str, str]:
    return {str(path.relative_to(playbook)): path.read_text(encoding="utf-8")
            for path in sorted(playbook.rglob("*.yml"))}


def test_migrate_makes_a_source_per_label_and_names_it_by_id(playbook: Path) -> None:
    role = _cite(playbook, "sources:  # where this comes from\n"
                           "  - Social Selling Mastery   # the book\n"
                           "  - \"000_1c4a9c2ffe1c6c8d.txt\"\n\n# the end\n")
    edit(playbook / "roles/specialist.yml", "required_competencies:",
         "sources: [Social Selling Mastery, 'Odd: title # here']\nrequired_competencies:")
    before = role.read_text(encoding="utf-8")
    assert "unknown source" in rendered(playbook)[0]

    checked = _files(playbook)
    planned = [change.render() for change in migrate(playbook, write=False)]
    assert _files(playbook) == checked  # --check writes nothing
    assert [change.render() for change in migrate(playbook)] == planned == [
        "playbook/sources/social-selling-mastery.yml: added source 'social-selling-mastery' "
        "for the label \"Social Selling Mastery\"",
        "playbook/sources/000-1c4a9c2ffe1c6c8d-txt.yml: added source "
        "'000-1c4a9c2ffe1c6c8d-txt' for the label \"000_1c4a9c2ffe1c6c8d.txt\"",
        "playbook/sources/odd-title-here.yml: added source 'odd-title-here' for the label "
        "\"Odd: title # here\"",
        "playbook/roles/sdr.yml: sources: \"Social Selling Mastery\" -> social-selling-mastery, "
        "\"000_1c4a9c2ffe1c6c8d.txt\" -> 000-1c4a9c2ffe1c6c8d-txt",
        "playbook/roles/specialist.yml: sources: \"Social Selling Mastery\" -> "
        "social-selling-mastery, \"Odd: title # here\" -> odd-title-here",
    ]
    # Only the labels changed: comments, quotes around nothing else, blank lines stay.
    assert role.read_text(encoding="utf-8") == before.replace(
        "Social Selling Mastery   #", "social-selling-mastery   #").replace(
        "\"000_1c4a9c2ffe1c6c8d.txt\"", "000-1c4a9c2ffe1c6c8d-txt")
    assert "sources: [social-selling-mastery, odd-title-here]\n" in (
        playbook / "roles/specialist.yml").read_text(encoding="utf-8")
    assert (playbook / "sources/odd-title-here.yml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/source.schema.json\n"
        "id: odd-title-here\ntitle: \"Odd: title # here\"\n")
    problems = rendered(playbook)
    assert [p for p in problems if ": warning: " not in p] == []
    assert check(playbook).playbook.of("source")["odd-title-here"].title == "Odd: title # here"
    # Once migrated, nothing is left to do.
    after = _files(playbook)
    assert migrate(playbook) == []
    assert _files(playbook) == after


def test_migrate_never_replaces_a_source_file(playbook: Path) -> None:
    own = _source(playbook, "social-selling-mastery", "id: social-selling-mastery\n"
                                                      "title: Another Book\n")
    _source(playbook, "the-book", "id: the-book\ntitle: The Book\n")
    _cite(playbook, "sources: [Social Selling Mastery, The Book, the-book]\n")
    changes = [change.render() for change in migrate(playbook)]
    assert changes == [
        "playbook/sources/social-selling-mastery-2.yml: added source "
        "'social-selling-mastery-2' for the label \"Social Selling Mastery\"",
        "playbook/roles/sdr.yml: sources: \"Social Selling Mastery\" -> "
        "social-selling-mastery-2, \"The Book\" -> the-book",
    ]
    assert own.read_text(encoding="utf-8") == "id: social-selling-mastery\ntitle: Another Book\n"
    assert "sources: [social-selling-mastery-2, the-book, the-book]\n" in (
        playbook / "roles/sdr.yml").read_text(encoding="utf-8")


def test_migrate_writes_nothing_when_one_file_cannot_be_edited(playbook: Path) -> None:
    _cite(playbook, "sources: [Social Selling Mastery]\n")
    edit(playbook / "roles/specialist.yml", "required_competencies:",
         "sources:\n  - >-\n    A title written\n    over two lines\nrequired_competencies:")
    before = _files(playbook)
    with pytest.raises(UserError) as refused:
        migrate(playbook)
    assert str(refused.value) == (
        "playbook/roles/specialist.yml:11: sources: cannot replace a label written as a block; "
        "write 'a-title-written-over-two-lines' in its place by hand")
    assert _files(playbook) == before
    assert not (playbook / "sources").exists()


def test_the_default_playbook_cites_its_five_sources_by_title() -> None:
    checked = check(DEFAULT_PLAYBOOK)
    sources = checked.playbook.of("source")
    assert {sid: (s.title, s.byline, s.kind) for sid, s in sources.items()} == {
        "absm-team-structure-guide": (
            "Account-Based Social Media (ABSM) team structure guide", "", "guide"),
        "tribal-impact-central-management": (
            "Scaling Your Social Selling Program: How Central Should Your Management Be?",
            "Tribal Impact, 2021", "blog post"),
        "social-selling-mastery": (
            "Social Selling Mastery", "Jamie Shanks, Sales for Life", "book"),
        "ssmm-series-part-2": (
            "Social Selling Maturity Model, part 2 of 5: the social media policy stage", "",
            "blog post"),
        "infogalactic-social-selling": ("Social selling", "Infogalactic", "encyclopedia article"),
    }
    assert sources["infogalactic-social-selling"].url == \
        "https://infogalactic.com/info/Social_selling"
    cited = {source for kind in checked.playbook.counts() if kind not in ("manifest", "source")
             for entity in checked.playbook.of(kind).values() for source in entity.sources}
    assert cited == set(sources)  # each is cited, and nothing else is


def test_pages_citing_a_source_are_named_by_kind_and_counted_beyond_thirty() -> None:
    from generators.render.graph import Link
    from generators.render.pages_general import by_kind

    def links(kind: str, count: int) -> list[Link]:
        return [Link(kind, f"{kind}-{n}", f"{kind} {n}", f"{kind}s/{n}.md") for n in range(count)]

    grouped = by_kind([*links("metric", 31), *links("role", 30)])
    # In the kinds' declared order (roles before metrics); all 30 roles, 15 of 31 metrics.
    assert [(title, len(shown), more) for title, shown, more in grouped] == [
        ("Roles", 30, 0), ("Metrics", 15, 16)]
