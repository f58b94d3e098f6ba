"""A crawl's problems as `CrawlProblem` rows, and the parser state they break or mend.

A problem that means our parser no longer understands a page or an API (`Problem.parser`) opens a
`ParserState` for its subject and raises one `parser_broken` change while it lasts; a later run that
parses the subject again closes it with `parser_fixed`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import col, select

from db.catalog import changes as ch
from db.catalog.batch import IngestBatch
from db.catalog.crawled import CrawlResult, Problem
from db.models import CrawlProblem, ParserState


def record_problem(batch: IngestBatch, problem: Problem) -> None:
    """Add `problem` as a `CrawlProblem` row of the run and to the report."""
    batch.s.add(
        CrawlProblem(
            run_id=batch.run_id,
            source=batch.source,
            at=batch.now,
            kind=problem.kind,
            url=problem.url,
            message=problem.message[:4000],
            parser=problem.parser,
        )
    )
    batch.report.problem_rows += 1
    listed = batch.report.warnings if problem.warning else batch.report.problems
    listed.append(f"{problem.kind}: {problem.message}")


def record_problems(batch: IngestBatch, problems: Iterable[Problem]) -> None:
    for problem in problems:
        record_problem(batch, problem)


def track_parsers(batch: IngestBatch, result: CrawlResult) -> None:
    """Open a parser state (and a `parser_broken` change) per newly broken subject; close the mended."""
    s, source = batch.s, batch.source
    states = {
        st.subject: st for st in s.scalars(select(ParserState).where(col(ParserState.source) == source))
    }
    for problem in result.problems:
        if not problem.parser:
            continue
        subject = problem.url or source
        if subject in states:
            continue
        state = ParserState(
            source=source, subject=subject, broken_since=batch.now, message=problem.message[:2000]
        )
        s.add(state)
        states[subject] = state
        batch.change(ch.PARSER_BROKEN, subject=subject, new=problem.message[:2000])
    broken_now = {p.url or source for p in result.problems if p.parser}
    for subject in result.parsed_ok:
        fixed = states.get(subject)
        if fixed is not None and subject not in broken_now and fixed.id is not None:
            s.delete(fixed)
            batch.change(ch.PARSER_FIXED, subject=subject, old=fixed.message)
