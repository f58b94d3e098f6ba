"""Benchmark: the hand-written page text and structured-data readers against `html-text` and `extruct`.

Issue 11.3 asks to use the Scrapy ecosystem's libraries where they read pages better than the hand-written
code, measured on the extraction corpus (``replica/pages/corpus``, expected JSON in
``tests/crawler/corpus``). `bench/price_parsing.py` does it for price-parser and dateparser; this does it
for the other two. A library that is not installed is reported as such (``pip install html-text extruct``).

1. **html-text** against `crawler.extract.htmltext.render_lines` (the page's text as lines, a line where
   a block starts, tabs between table cells, `<pre>` kept as written):
   - speed: the text of every corpus page, CPU time of a round, median of the rounds; from the HTML
     (ours: the size budget's cut, parse, scripts/styles/navigation/hidden parts dropped, render;
     html-text: `extract_text`, its own parse and cleaner) and from the same parsed tree (ours:
     `render_lines(root)`; html-text: `extract_text(root)`, which cleans a copy first);
   - accuracy: the corpus read with the text producer swapped (`render_lines` in `htmltext` and `grid`
     replaced for the run, in this process only), per field as `bench/extract_corpus.py` counts it:
     html-text with its own newline tags, and with ours (`BLOCK_TAGS` and cells).
2. **extruct** (JSON-LD, microdata, OpenGraph, RDFa) against the project's structured-data reader
   (`htmltext._read_head`/`_read_scripts`: JSON-LD and the framework data in scripts, ``<meta>``
   properties; `structured.read_json_ld` makes the schema.org items offers; it reads no microdata or RDFa):
   - which pages carry which kind of structured data, as each side finds it;
   - the schema.org Products each side reads (extruct's microdata and RDFa turned into the JSON-LD shape
     and read by the same `read_json_ld`), field by field against the expected offers, and what extruct's
     reading has right that the page extractor's output has wrong;
   - accuracy of the whole corpus with extruct's microdata and RDFa items added to the page's JSON-LD;
   - speed: the structured data of every corpus page, CPU time of a round, median of the rounds.

Run: ``python bench/extract_libraries.py`` (``--rounds 5``, ``--cpu N`` to pin elsewhere).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/extract_libraries.py` from anywhere
    sys.path.insert(0, str(REPO))

from bench.extract_corpus import accuracy_table, pin_to_one_cpu, render_accuracy  # noqa: E402
from bench.figures import Figure, render_table  # noqa: E402
from bench.machine import machine_info, machine_line  # noqa: E402
from crawler.extract import grid, htmltext  # noqa: E402
from crawler.extract import page as page_module  # noqa: E402
from crawler.extract.bounds import cut_markup, parse_html  # noqa: E402
from crawler.extract.htmltext import BLOCK_TAGS, CELL_TAGS, Document, parse_document  # noqa: E402
from crawler.extract.structured import Found, read_json_ld  # noqa: E402
from tests.crawler.corpus_check import Case, compare, load_cases  # noqa: E402

OUT = REPO / "bench" / "out"
HUGE = "hostile-huge-10mb"
GIANTS = (HUGE, "hostile-deep-nesting")
_PRICE_SIGN = re.compile(r"[$€¥£]|元")
SCHEMA = ("https://schema.org/", "http://schema.org/")
#: the fields a schema.org Product can give, compared with the expected offers
PRODUCT_FIELDS = ("model", "name", "context_length", "pricing", "currency")
_LISTS = frozenset({"offers", "additionalProperty"})


# -- 1. html-text ---------------------------------------------------------------------------------------


def our_text(html: str) -> list[str]:
    """The page's text lines as `parse_document` makes them, and nothing else of it."""
    text, _cut = cut_markup(html)
    root, _problems = parse_html(text)
    for element in root.xpath("|".join(f"//{tag}" for tag in htmltext._DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.xpath("//*[@hidden or @aria-hidden='true' or contains(@style,'display:none')]"):
        if element.getparent() is not None and element.tag not in ("html", "body"):
            element.drop_tree()
    return htmltext.render_lines(root)


def library_text(html: str) -> list[str]:
    import html_text

    return _lines(html_text.extract_text(html))


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def html_text_lines(*, ours: bool) -> Callable[[Any], list[str]]:
    """A `render_lines` made with html-text: its newline tags, or ours (blocks and cells, no blank lines)."""
    import html_text

    kwargs: dict[str, Any] = (
        {"newline_tags": BLOCK_TAGS | CELL_TAGS, "double_newline_tags": frozenset()} if ours else {}
    )

    def render(element: Any) -> list[str]:
        return _lines(html_text.extract_text(element, **kwargs))

    return render


@contextlib.contextmanager
def text_producer(render: Callable[[Any], list[str]] | None) -> Iterator[None]:
    """For the run: the page text made by `render` instead of `render_lines` (None: ours, unchanged)."""
    saved = htmltext.render_lines, grid.render_lines
    if render is not None:
        htmltext.render_lines = grid.render_lines = render  # type: ignore[assignment]
    try:
        yield
    finally:
        htmltext.render_lines, grid.render_lines = saved  # type: ignore[assignment]


def _timed_rounds(
    work: Callable[[str], object], inputs: dict[str, Any], rounds: int
) -> tuple[Figure, Figure, Figure]:
    """CPU seconds of a round over every input, over every input but the 10 MB page, and over the
    ordinary pages (neither hostile giant: the 10 MB page nor the 5,000-deep one)."""
    figures = Figure("", "s"), Figure("", "s"), Figure("", "s")
    for _ in range(rounds):
        took: dict[str, float] = {}
        for name, value in inputs.items():
            started = time.process_time()
            work(value)
            took[name] = time.process_time() - started
        for figure, left_out in zip(figures, ((), (HUGE,), GIANTS), strict=True):
            figure.values.append(round(sum(t for n, t in took.items() if n not in left_out), 4))
    return figures


def _named(figure: Figure, name: str) -> Figure:
    figure.name = name
    return figure


def text_speed(texts: dict[str, str], rounds: int) -> list[Figure]:
    figures: list[Figure] = []
    pages = len(texts)
    for label, work in (("ours (htmltext)", our_text), ("html-text (extract_text)", library_text)):
        every, rest, ordinary = _timed_rounds(work, texts, rounds)
        figures += [
            _named(every, f"text from HTML, {pages} pages: {label}"),
            _named(rest, f"text from HTML, without {HUGE}: {label}"),
            _named(ordinary, f"text from HTML, {pages - 2} ordinary pages: {label}"),
        ]
    trees = {name: parse_document(text).root for name, text in texts.items()}
    renderers: list[tuple[str, Callable[[Any], object]]] = [
        ("ours (render_lines)", htmltext.render_lines),
        ("html-text (extract_text)", html_text_lines(ours=False)),
    ]
    for label, render in renderers:
        every, rest, ordinary = _timed_rounds(render, trees, rounds)
        figures += [
            _named(every, f"text of the parsed tree, {pages} pages: {label}"),
            _named(rest, f"text of the parsed tree, without {HUGE}: {label}"),
            _named(ordinary, f"text of the parsed tree, {pages - 2} ordinary pages: {label}"),
        ]
    return figures


def lost_prices(texts: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Pages whose html-text text (from the HTML) has fewer lines with a price sign than ours:
    page -> (ours, html-text). The deep page's prices sit past libxml2's 256 levels, which html-text's
    own parse does not get past (ours flattens them first: `crawler.extract.nesting`)."""
    lost = {}
    for name, text in texts.items():
        ours, theirs = (
            sum(1 for line in f(text) if _PRICE_SIGN.search(line)) for f in (our_text, library_text)
        )
        if theirs < ours:
            lost[name] = (ours, theirs)
    return lost


def corpus_accuracy(static: list[Case], texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    comparisons = [compare(case, case.extract(texts[case.name])) for case in static]
    table = accuracy_table(comparisons)
    table["whole page"]["wrong_pages"] = [c.case.name for c in comparisons if not c.ok]
    return table


# -- 2. extruct -----------------------------------------------------------------------------------------


def extruct_data(html: str, url: str, syntaxes: list[str] | None = None) -> dict[str, list[Any]]:
    import extruct

    chosen = syntaxes or ["json-ld", "microdata", "opengraph", "rdfa"]
    return extruct.extract(html, base_url=url, uniform=True, syntaxes=chosen)  # type: ignore[no-any-return]


def rdfa_items(graph: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """extruct's RDFa (expanded JSON-LD: one node per subject, references by ``@id``) as nested schema.org
    items in JSON-LD's shape (``{"@type": "Product", "offers": [{...}]}``): the nodes no other refers to."""
    nodes = {node.get("@id"): node for node in graph if isinstance(node, dict)}
    referred = {
        ref["@id"]
        for node in nodes.values()
        for key, values in node.items()
        if not key.startswith("@") and isinstance(values, list)
        for ref in values
        if isinstance(ref, dict) and set(ref) == {"@id"} and ref["@id"] in nodes
    }

    def short(name: str) -> str:
        return next((name[len(p) :] for p in SCHEMA if name.startswith(p)), name)

    def item(node: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        types = [short(t) for t in node.get("@type", [])]
        result: dict[str, Any] = {"@type": types[0] if len(types) == 1 else types}
        for key, values in node.items():
            if key.startswith("@") or not isinstance(values, list) or not key.startswith(SCHEMA):
                continue
            read = [
                item(nodes[v["@id"]], depth + 1)
                if "@id" in v and v["@id"] in nodes and depth < 5
                else v.get("@value")
                for v in values
                if isinstance(v, dict)
            ]
            # one value alone, as JSON-LD may write it; the lists read_json_ld walks stay lists
            result[short(key)] = read[0] if len(read) == 1 and short(key) not in _LISTS else read
        return result

    return [item(node) for key, node in nodes.items() if key not in referred and node.get("@type")]


def extruct_products(data: dict[str, list[Any]]) -> dict[str, list[Found]]:
    """Every schema.org Product extruct found, per syntax, each read by `read_json_ld`."""
    kinds = {
        "json-ld": [i for item in data.get("json-ld", []) for i in htmltext._flatten_ld(item)],
        "microdata": [i for i in data.get("microdata", []) if isinstance(i, dict)],
        "rdfa": rdfa_items(data.get("rdfa", [])),
    }
    found: dict[str, list[Found]] = {}
    for kind, items in kinds.items():
        found[kind] = [f for item in items if (f := read_json_ld([item])) is not None]
    return found


def our_structured(doc: Document) -> dict[str, Any]:
    """What the project's reader finds: JSON-LD items, the Product read from them, OpenGraph properties."""
    product = read_json_ld(doc.json_ld)
    return {
        "json-ld items": len(doc.json_ld),
        "products": [product] if product else [],
        "opengraph": sorted(k for k in doc.meta if k.startswith("og:")),
        "embedded values": len(doc.embedded),
    }


def _field(found: Found, name: str) -> Any:
    value = getattr(found, name)
    if name == "pricing" and value is not None:
        return {k: float(v) for k, v in value.items()}
    return value


def product_fields(products: list[Found], expected: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per field: expected offers a Product of `products` gives right (paired by model id, then name)."""
    counts: dict[str, tuple[int, int]] = {}
    for name in PRODUCT_FIELDS:
        right = 0
        for offer in expected:
            match = next(
                (p for p in products if offer["model"] and p.model == offer["model"]),
                next((p for p in products if p.name == offer["name"]), None),
            )
            right += match is not None and _field(match, name) == offer[name]
        counts[name] = (right, len(expected))
    return counts


def extruct_report(cases: list[Case], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Per page: what each side finds (schema.org items and Products, OpenGraph properties), and what
    extruct's Products have right that the page extractor's output has wrong."""
    rows = []
    for case in cases:
        text = texts[case.name]
        ours = our_structured(parse_document(text))
        data = extruct_data(text, case.url)
        theirs = extruct_products(data)
        opengraph = sorted({k for props in data.get("opengraph", []) for k in props if k.startswith("og:")})
        expected = case.expected["offers"]
        comparison = compare(case, case.extract(text))
        output_wrong = {c.field for c in comparison.checks if not c.ok}
        their_products = [p for kind in ("json-ld", "microdata", "rdfa") for p in theirs[kind]]
        their_fields = product_fields(their_products, expected) if their_products else {}
        rows.append(
            {
                "page": case.name,
                "ours": {
                    "json-ld items": ours["json-ld items"],
                    "products": len(ours["products"]),
                    "opengraph": ours["opengraph"],
                    "product fields right": product_fields(ours["products"], expected)
                    if ours["products"]
                    else {},
                },
                "extruct": {
                    "json-ld items": len(data.get("json-ld", [])),
                    "microdata items": len(data.get("microdata", [])),
                    "rdfa items": len(rdfa_items(data.get("rdfa", []))),
                    "products": {kind: len(found) for kind, found in theirs.items() if found},
                    "opengraph": opengraph,
                    "product fields right": their_fields,
                },
                "extruct right, output wrong": sorted(
                    name for name, (right, _total) in their_fields.items() if right and name in output_wrong
                ),
            }
        )
    return rows


@contextlib.contextmanager
def with_extruct_items() -> Iterator[None]:
    """For the run: each page's microdata and RDFa Products (by extruct) added to its JSON-LD items."""
    original = page_module.parse_document

    def parse(html: str) -> Document:
        doc = original(html)
        data = extruct_data(html, "https://example.invalid/", ["microdata", "rdfa"])
        doc.json_ld.extend(i for i in data.get("microdata", []) if isinstance(i, dict))
        doc.json_ld.extend(rdfa_items(data.get("rdfa", [])))
        return doc

    page_module.parse_document = parse  # type: ignore[assignment]
    try:
        yield
    finally:
        page_module.parse_document = original  # type: ignore[assignment]


def structured_speed(texts: dict[str, str], urls: dict[str, str], rounds: int) -> list[Figure]:
    # the page as parsed, before `parse_document` drops its scripts and navigation: what both read
    trees = {name: parse_html(cut_markup(text)[0])[0] for name, text in texts.items()}

    def ours(name: str) -> object:
        doc = Document()
        htmltext._read_head(trees[name], doc)
        htmltext._read_scripts(trees[name], doc)
        return read_json_ld(doc.json_ld)

    def theirs(syntaxes: list[str] | None) -> Callable[[str], object]:
        return lambda name: extruct_products(extruct_data(texts[name], urls[name], syntaxes))

    def microdata_tree(name: str) -> object:
        from extruct.w3cmicrodata import MicrodataExtractor

        return MicrodataExtractor().extract_items(trees[name], urls[name])

    names = {name: name for name in texts}
    figures: list[Figure] = []
    workers: list[tuple[str, Callable[[str], object]]] = [
        ("ours (JSON-LD, scripts, meta) on the parsed tree", ours),
        ("extruct, all four, from HTML", theirs(None)),
        ("extruct json-ld + microdata + opengraph, from HTML", theirs(["json-ld", "microdata", "opengraph"])),
        ("extruct rdfa, from HTML", theirs(["rdfa"])),
        ("extruct microdata on the parsed tree", microdata_tree),
    ]
    for label, work in workers:
        every, rest, ordinary = _timed_rounds(work, names, rounds)
        figures += [
            _named(every, f"{label}, {len(texts)} pages"),
            _named(rest, f"{label}, without {HUGE}"),
            _named(ordinary, f"{label}, {len(texts) - 2} ordinary pages"),
        ]
    return figures


def import_seconds(module: str) -> float | None:
    """CPU seconds of importing `module` in a fresh interpreter (None: not installed)."""
    import subprocess

    code = f"import time; t = time.process_time(); import {module}; print(time.process_time() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    return float(done.stdout) if done.returncode == 0 else None


# -- report ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/extract_libraries.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds over the whole corpus")
    parser.add_argument(
        "--cpu", type=int, default=None, help="the CPU to pin to (default: the first allowed)"
    )
    parser.add_argument(
        "--out", type=Path, default=OUT / "extract_libraries.json", help="where to write figures"
    )
    return parser


def main(args: argparse.Namespace) -> int:
    machine = machine_info()  # before pinning: the machine's CPUs, not the one pinned to
    cpu = pin_to_one_cpu(args.cpu)
    cases = load_cases()
    texts = {case.name: case.text() for case in cases}
    urls = {case.name: case.url for case in cases}
    static = [case for case in cases if case.render == "static"]
    summary: dict[str, Any] = {
        "machine": machine,
        "cpu": cpu,
        "rounds": args.rounds,
        "pages": len(cases),
    }
    print(machine_line(summary["machine"]) + f", pinned to CPU {cpu}")
    print(f"{len(cases)} corpus pages ({len(static)} static); CPU time of a round, medians of {args.rounds}")

    print("\n== 1. html-text against crawler.extract.htmltext ==")
    try:
        import html_text  # noqa: F401
    except ImportError as error:
        print(f"html-text not installed: {error.name}")
    else:
        speed = text_speed(texts, args.rounds)
        print(render_table(speed))
        lost = lost_prices(texts)
        print(
            "text from HTML, pages with fewer lines carrying a price in html-text's text than in ours: "
            + (", ".join(f"{n} ({a} -> {b})" for n, (a, b) in lost.items()) or "none")
        )
        accuracy: dict[str, Any] = {}
        for label, render in (
            ("ours (render_lines)", None),
            ("html-text, its newline tags", html_text_lines(ours=False)),
            ("html-text, our block and cell tags", html_text_lines(ours=True)),
        ):
            with text_producer(render):
                accuracy[label] = corpus_accuracy(static, texts)
            print(f"\ntext by {label}: " + render_accuracy(accuracy[label], len(static)))
            wrong = accuracy[label]["whole page"]["wrong_pages"]
            print(f"pages not whole: {', '.join(wrong) if wrong else 'none'}")
        summary["html-text"] = {
            "speed": {fig.name: fig.as_json() for fig in speed},
            "price lines lost from HTML": lost,
            "accuracy": accuracy,
            "import_s": import_seconds("html_text"),
        }

    print("\n== 2. extruct against crawler.extract.structured and htmltext ==")
    try:
        import extruct  # noqa: F401
    except ImportError as error:
        print(f"extruct not installed: {error.name}")
    else:
        report = extruct_report(cases, texts)
        print(render_structured(report))
        with with_extruct_items():
            hybrid = corpus_accuracy(static, texts)
        baseline = summary.get("html-text", {}).get("accuracy", {}).get("ours (render_lines)")
        baseline = baseline or corpus_accuracy(static, texts)
        print(
            "\n" + hybrid_line("ours", baseline) + "\n" + hybrid_line("ours + extruct microdata/RDFa", hybrid)
        )
        speed = structured_speed(texts, urls, args.rounds)
        print()
        print(render_table(speed))
        imported = import_seconds("extruct")
        print(f"importing extruct (fresh interpreter, CPU): {imported:.2f} s" if imported else "")
        summary["extruct"] = {
            "pages": report,
            "accuracy with extruct items": hybrid,
            "speed": {fig.name: fig.as_json() for fig in speed},
            "import_s": imported,
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, default=str, ensure_ascii=False) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


def render_structured(rows: list[dict[str, Any]]) -> str:
    def pages(side: str, key: str) -> list[str]:
        return [row["page"] for row in rows if row[side][key]]

    og_ours, og_theirs = pages("ours", "opengraph"), pages("extruct", "opengraph")
    only_theirs = sorted(
        {k for r in rows for k in set(r["extruct"]["opengraph"]) - set(r["ours"]["opengraph"])}
    )
    only_ours = sorted(
        {k for r in rows for k in set(r["ours"]["opengraph"]) - set(r["extruct"]["opengraph"])}
    )
    lines = [
        f"OpenGraph: ours reads og: properties on {len(og_ours)} pages, extruct on {len(og_theirs)}; "
        f"only extruct: {', '.join(only_theirs) or 'none'}; only ours: {', '.join(only_ours) or 'none'}",
        f"JSON-LD: ours on {', '.join(pages('ours', 'json-ld items')) or 'none'}; "
        f"extruct on {', '.join(pages('extruct', 'json-ld items')) or 'none'}",
        f"microdata (extruct; ours reads none): {', '.join(pages('extruct', 'microdata items')) or 'none'}",
        f"RDFa schema.org items (extruct; ours reads none): "
        f"{', '.join(pages('extruct', 'rdfa items')) or 'none'}",
        "schema.org Products, read by structured.read_json_ld:",
    ]
    for row in rows:
        ours, theirs = row["ours"], row["extruct"]
        if not ours["products"] and not theirs["products"]:
            continue
        kinds = ", ".join(f"{n} from {k}" for k, n in theirs["products"].items()) or "none"
        lines.append(f"  {row['page']}: ours {ours['products']} (from JSON-LD); extruct {kinds}")
        for side in ("ours", "extruct"):
            fields = row[side]["product fields right"]
            if fields:
                text = ", ".join(f"{name} {right}/{total}" for name, (right, total) in fields.items())
                lines.append(f"      {side}: fields right {text}")
        missed = row["extruct right, output wrong"]
        lines.append(
            f"      extruct right where the extractor's output is wrong: {', '.join(missed) or 'nothing'}"
        )
    return "\n".join(lines)


def hybrid_line(label: str, table: dict[str, dict[str, Any]]) -> str:
    whole = table["whole page"]
    fields = ", ".join(
        f"{name} {row['pages_right']}"
        for name, row in table.items()
        if name not in ("whole page", "problems")
    )
    return f"corpus with {label}: whole pages {whole['pages_right']}/{whole['pages']} (pages right: {fields})"


if __name__ == "__main__":
    sys.exit(main(build_parser().parse_args()))
