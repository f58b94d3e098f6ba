"""Baseline: the schema of modelwatch 0.1.0 (a 0.1.0 database is stamped at this revision).

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-27 16:32:58.658919
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0001_baseline"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alertchannel",
        sa.Column("channel_key", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("failing_since", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_attempt", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_ok", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("channel_key"),
    )
    op.create_table(
        "alertcursor",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "alertdelivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_key", sa.String(length=300), nullable=False),
        sa.Column("channel_key", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("event_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lease_until", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("sent_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_key", "channel_key"),
    )
    with op.batch_alter_table("alertdelivery", schema=None) as batch_op:
        batch_op.create_index("ix_alertdelivery_queue", ["channel_key", "status", "id"], unique=False)
        batch_op.create_index("ix_alertdelivery_status_created", ["status", "created"], unique=False)

    op.create_table(
        "crawlrun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("started", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("problems", sa.Integer(), nullable=False),
        sa.Column("endpoints_seen", sa.Integer(), nullable=False),
        sa.Column("rows_written", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("crawlrun", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crawlrun_source"), ["source"], unique=False)
        batch_op.create_index(batch_op.f("ix_crawlrun_started"), ["started"], unique=False)

    op.create_table(
        "heartbeat",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "model",
        sa.Column("canonical_id", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("context_length", sa.Integer(), nullable=True),
        sa.Column("released", sa.Date(), nullable=True),
        sa.Column("hugging_face_id", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("input_modalities", sa.JSON(), nullable=False),
        sa.Column("output_modalities", sa.JSON(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("first_seen", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("model", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_model_canonical_id"), ["canonical_id"], unique=True)

    op.create_table(
        "parserstate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("broken_since", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("message", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "subject"),
    )
    op.create_table(
        "provider",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("first_seen", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provider_name"), ["name"], unique=True)

    op.create_table(
        "crawlproblem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("message", sa.String(), nullable=False),
        sa.Column("parser", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawlrun.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("crawlproblem", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crawlproblem_run_id"), ["run_id"], unique=False)

    op.create_table(
        "endpoint",
        sa.Column("key", sa.String(length=600), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("provider_model_id", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("protocol", sa.String(length=20), nullable=False),
        sa.Column("tag", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=400), nullable=True),
        sa.Column("page_url", sa.String(length=1000), nullable=True),
        sa.Column("context_length", sa.Integer(), nullable=True),
        sa.Column("max_output_tokens", sa.Integer(), nullable=True),
        sa.Column("max_prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("quantization", sa.String(length=50), nullable=True),
        sa.Column("currency", sa.String(length=20), nullable=False),
        sa.Column("released", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.Integer(), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("parameter_defaults", sa.JSON(), nullable=False),
        sa.Column("first_seen", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("removed_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["model_id"],
            ["model.id"],
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("endpoint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_endpoint_key"), ["key"], unique=True)
        batch_op.create_index(batch_op.f("ix_endpoint_model_id"), ["model_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_endpoint_provider_id"), ["provider_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_endpoint_source"), ["source"], unique=False)

    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("endpoint_id", sa.Integer(), nullable=True),
        sa.Column("model", sa.String(length=300), nullable=True),
        sa.Column("provider", sa.String(length=200), nullable=True),
        sa.Column("field", sa.String(length=100), nullable=True),
        sa.Column("old", sa.String(), nullable=True),
        sa.Column("new", sa.String(), nullable=True),
        sa.Column("percent", sa.Float(), nullable=True),
        sa.Column("subject", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoint.id"],
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawlrun.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.create_index("ix_change_at_kind", ["at", "kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_endpoint_id"), ["endpoint_id"], unique=False)

    op.create_table(
        "endpointrevision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("endpoint_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("valid_to", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("context_length", sa.Integer(), nullable=True),
        sa.Column("max_output_tokens", sa.Integer(), nullable=True),
        sa.Column("max_prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("quantization", sa.String(length=50), nullable=True),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoint.id"],
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawlrun.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("endpointrevision", schema=None) as batch_op:
        batch_op.create_index(
            "ix_endpointrevision_endpoint_from", ["endpoint_id", "valid_from"], unique=False
        )

    op.create_table(
        "priceperiod",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("endpoint_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("valid_to", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("currency", sa.String(length=20), nullable=False),
        sa.Column("input", db.types.Money(), nullable=True),
        sa.Column("output", db.types.Money(), nullable=True),
        sa.Column("cache_read", db.types.Money(), nullable=True),
        sa.Column("cache_write", db.types.Money(), nullable=True),
        sa.Column("request", db.types.Money(), nullable=True),
        sa.Column("image", db.types.Money(), nullable=True),
        sa.Column("web_search", db.types.Money(), nullable=True),
        sa.Column("internal_reasoning", db.types.Money(), nullable=True),
        sa.Column("audio", db.types.Money(), nullable=True),
        sa.Column("discount", db.types.Money(), nullable=True),
        sa.Column("overrides", sa.JSON(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoint.id"],
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawlrun.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("priceperiod", schema=None) as batch_op:
        batch_op.create_index("ix_priceperiod_endpoint_from", ["endpoint_id", "valid_from"], unique=False)

    op.create_table(
        "probetarget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("protocol", sa.String(length=20), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("model", sa.String(length=300), nullable=True),
        sa.Column("provider_tag", sa.String(length=200), nullable=True),
        sa.Column("endpoint_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_since", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("fail_streak", sa.Integer(), nullable=False),
        sa.Column("ok_streak", sa.Integer(), nullable=False),
        sa.Column("streak_since", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("recent_ttft_ms", sa.JSON(), nullable=False),
        sa.Column("last_sample_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("rolled_until", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("first_seen", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoint.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("probetarget", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_probetarget_endpoint_id"), ["endpoint_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_probetarget_name"), ["name"], unique=True)

    op.create_table(
        "reportedstat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("endpoint_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("seen_until", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("uptime_5m", sa.Float(), nullable=True),
        sa.Column("uptime_30m", sa.Float(), nullable=True),
        sa.Column("uptime_1d", sa.Float(), nullable=True),
        sa.Column("latency_30m", sa.JSON(), nullable=True),
        sa.Column("throughput_30m", sa.JSON(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoint.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reportedstat", schema=None) as batch_op:
        batch_op.create_index("ix_reportedstat_endpoint_at", ["endpoint_id", "at"], unique=False)

    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("started", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cause", sa.String(length=100), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["probetarget.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index("ix_incident_ended", ["ended"], unique=False)
        batch_op.create_index(batch_op.f("ix_incident_started"), ["started"], unique=False)
        batch_op.create_index("ix_incident_target_started", ["target_id", "started"], unique=False)

    op.create_table(
        "proberollup",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=4), nullable=False),
        sa.Column("start", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("ok", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("excluded", sa.Integer(), nullable=False),
        sa.Column("maintenance", sa.Integer(), nullable=False),
        sa.Column("err_timeout", sa.Integer(), nullable=False),
        sa.Column("err_connect", sa.Integer(), nullable=False),
        sa.Column("err_http_5xx", sa.Integer(), nullable=False),
        sa.Column("err_rate_limited", sa.Integer(), nullable=False),
        sa.Column("err_client_error", sa.Integer(), nullable=False),
        sa.Column("err_stream_error", sa.Integer(), nullable=False),
        sa.Column("err_bad_response", sa.Integer(), nullable=False),
        sa.Column("err_unknown", sa.Integer(), nullable=False),
        sa.Column("ttft_count", sa.Integer(), nullable=False),
        sa.Column("ttft_sum", sa.Float(), nullable=False),
        sa.Column("ttft_min", sa.Float(), nullable=True),
        sa.Column("ttft_max", sa.Float(), nullable=True),
        sa.Column("ttft_hist", sa.LargeBinary(), nullable=True),
        sa.Column("total_count", sa.Integer(), nullable=False),
        sa.Column("total_sum", sa.Float(), nullable=False),
        sa.Column("total_min", sa.Float(), nullable=True),
        sa.Column("total_max", sa.Float(), nullable=True),
        sa.Column("total_hist", sa.LargeBinary(), nullable=True),
        sa.Column("tps_count", sa.Integer(), nullable=False),
        sa.Column("tps_sum", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["probetarget.id"],
        ),
        sa.PrimaryKeyConstraint("target_id", "period", "start"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "probesample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("error_class", sa.String(length=20), nullable=True),
        sa.Column("connect_ms", sa.Float(), nullable=True),
        sa.Column("ttft_ms", sa.Float(), nullable=True),
        sa.Column("total_ms", sa.Float(), nullable=True),
        sa.Column("output_tokens", sa.Integer(), nullable=True),
        sa.Column("tokens_per_s", sa.Float(), nullable=True),
        sa.Column("in_maintenance", sa.Boolean(), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["probetarget.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("probesample", schema=None) as batch_op:
        batch_op.create_index("ix_probesample_at", ["at"], unique=False)
        batch_op.create_index("ix_probesample_target_at", ["target_id", "at"], unique=False)

    op.create_table(
        "probewindow",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=10), nullable=False),
        sa.Column("start", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("rolled_until", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("ok", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("excluded", sa.Integer(), nullable=False),
        sa.Column("maintenance", sa.Integer(), nullable=False),
        sa.Column("err_timeout", sa.Integer(), nullable=False),
        sa.Column("err_connect", sa.Integer(), nullable=False),
        sa.Column("err_http_5xx", sa.Integer(), nullable=False),
        sa.Column("err_rate_limited", sa.Integer(), nullable=False),
        sa.Column("err_client_error", sa.Integer(), nullable=False),
        sa.Column("err_stream_error", sa.Integer(), nullable=False),
        sa.Column("err_bad_response", sa.Integer(), nullable=False),
        sa.Column("err_unknown", sa.Integer(), nullable=False),
        sa.Column("ttft_count", sa.Integer(), nullable=False),
        sa.Column("ttft_sum", sa.Float(), nullable=False),
        sa.Column("ttft_min", sa.Float(), nullable=True),
        sa.Column("ttft_max", sa.Float(), nullable=True),
        sa.Column("ttft_hist", sa.LargeBinary(), nullable=True),
        sa.Column("total_count", sa.Integer(), nullable=False),
        sa.Column("total_sum", sa.Float(), nullable=False),
        sa.Column("total_min", sa.Float(), nullable=True),
        sa.Column("total_max", sa.Float(), nullable=True),
        sa.Column("total_hist", sa.LargeBinary(), nullable=True),
        sa.Column("tps_count", sa.Integer(), nullable=False),
        sa.Column("tps_sum", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["probetarget.id"],
        ),
        sa.PrimaryKeyConstraint("target_id", "name"),
    )


def downgrade() -> None:
    op.drop_table("probewindow")
    with op.batch_alter_table("probesample", schema=None) as batch_op:
        batch_op.drop_index("ix_probesample_target_at")
        batch_op.drop_index("ix_probesample_at")

    op.drop_table("probesample")
    op.drop_table("proberollup")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_target_started")
        batch_op.drop_index(batch_op.f("ix_incident_started"))
        batch_op.drop_index("ix_incident_ended")

    op.drop_table("incident")
    with op.batch_alter_table("reportedstat", schema=None) as batch_op:
        batch_op.drop_index("ix_reportedstat_endpoint_at")

    op.drop_table("reportedstat")
    with op.batch_alter_table("probetarget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_probetarget_name"))
        batch_op.drop_index(batch_op.f("ix_probetarget_endpoint_id"))

    op.drop_table("probetarget")
    with op.batch_alter_table("priceperiod", schema=None) as batch_op:
        batch_op.drop_index("ix_priceperiod_endpoint_from")

    op.drop_table("priceperiod")
    with op.batch_alter_table("endpointrevision", schema=None) as batch_op:
        batch_op.drop_index("ix_endpointrevision_endpoint_from")

    op.drop_table("endpointrevision")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_endpoint_id"))
        batch_op.drop_index("ix_change_at_kind")

    op.drop_table("change")
    with op.batch_alter_table("endpoint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_endpoint_source"))
        batch_op.drop_index(batch_op.f("ix_endpoint_provider_id"))
        batch_op.drop_index(batch_op.f("ix_endpoint_model_id"))
        batch_op.drop_index(batch_op.f("ix_endpoint_key"))

    op.drop_table("endpoint")
    with op.batch_alter_table("crawlproblem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawlproblem_run_id"))

    op.drop_table("crawlproblem")
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provider_name"))

    op.drop_table("provider")
    op.drop_table("parserstate")
    with op.batch_alter_table("model", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_model_canonical_id"))

    op.drop_table("model")
    op.drop_table("heartbeat")
    with op.batch_alter_table("crawlrun", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawlrun_started"))
        batch_op.drop_index(batch_op.f("ix_crawlrun_source"))

    op.drop_table("crawlrun")
    with op.batch_alter_table("alertdelivery", schema=None) as batch_op:
        batch_op.drop_index("ix_alertdelivery_status_created")
        batch_op.drop_index("ix_alertdelivery_queue")

    op.drop_table("alertdelivery")
    op.drop_table("alertcursor")
    op.drop_table("alertchannel")
