"""What one ingest did: the counts the CLI summary, the benchmarks and the run's row are made of."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestReport:
    """What one ingest did, for the CLI summary and the benchmarks."""

    run_id: int
    source: str
    status: str
    endpoints_seen: int = 0
    new_endpoints: int = 0
    removed_endpoints: int = 0
    changed_endpoints: int = 0
    price_rows: int = 0
    revision_rows: int = 0
    stat_rows: int = 0
    change_rows: int = 0
    problem_rows: int = 0
    models: int = 0
    observation_rows: int = 0
    disagreements_opened: int = 0
    disagreements_closed: int = 0
    providers: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def history_rows(self) -> int:
        """Rows appended to history tables (what an unchanged re-crawl must keep at zero)."""
        return (
            self.price_rows + self.revision_rows + self.stat_rows + self.change_rows + self.observation_rows
        )
