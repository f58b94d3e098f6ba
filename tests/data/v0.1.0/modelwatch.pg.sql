--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alertchannel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alertchannel (
    channel_key character varying(200) NOT NULL,
    channel character varying(300) NOT NULL,
    failures integer NOT NULL,
    failing_since timestamp with time zone,
    last_error text,
    last_attempt timestamp with time zone,
    last_ok timestamp with time zone
);


--
-- Name: alertcursor; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alertcursor (
    name character varying(50) NOT NULL,
    "position" integer NOT NULL,
    updated timestamp with time zone NOT NULL
);


--
-- Name: alertdelivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alertdelivery (
    id integer NOT NULL,
    event_key character varying(300) NOT NULL,
    channel_key character varying(200) NOT NULL,
    channel character varying(300) NOT NULL,
    kind character varying(40) NOT NULL,
    event_at timestamp with time zone NOT NULL,
    created timestamp with time zone NOT NULL,
    urgent boolean NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    next_attempt timestamp with time zone NOT NULL,
    lease_until timestamp with time zone,
    lease_owner character varying(100),
    sent_at timestamp with time zone,
    last_error text,
    title character varying(500) NOT NULL,
    body text NOT NULL,
    payload json NOT NULL
);


--
-- Name: alertdelivery_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.alertdelivery_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: alertdelivery_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.alertdelivery_id_seq OWNED BY public.alertdelivery.id;


--
-- Name: apscheduler_jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.apscheduler_jobs (
    id character varying(191) NOT NULL,
    next_run_time double precision,
    job_state bytea NOT NULL
);


--
-- Name: change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change (
    id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(40) NOT NULL,
    source character varying(100) NOT NULL,
    run_id integer,
    endpoint_id integer,
    model character varying(300),
    provider character varying(200),
    field character varying(100),
    old character varying,
    new character varying,
    percent double precision,
    subject character varying(1000)
);


--
-- Name: change_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: change_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.change_id_seq OWNED BY public.change.id;


--
-- Name: crawlproblem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crawlproblem (
    id integer NOT NULL,
    run_id integer NOT NULL,
    source character varying(100) NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(50) NOT NULL,
    url character varying(1000),
    message character varying NOT NULL,
    parser boolean NOT NULL
);


--
-- Name: crawlproblem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.crawlproblem_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: crawlproblem_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.crawlproblem_id_seq OWNED BY public.crawlproblem.id;


--
-- Name: crawlrun; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crawlrun (
    id integer NOT NULL,
    source character varying(100) NOT NULL,
    started timestamp with time zone NOT NULL,
    finished timestamp with time zone,
    status character varying(20) NOT NULL,
    complete boolean NOT NULL,
    pages integer NOT NULL,
    items integer NOT NULL,
    problems integer NOT NULL,
    endpoints_seen integer NOT NULL,
    rows_written integer NOT NULL,
    message character varying
);


--
-- Name: crawlrun_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.crawlrun_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: crawlrun_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.crawlrun_id_seq OWNED BY public.crawlrun.id;


--
-- Name: endpoint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.endpoint (
    key character varying(600) NOT NULL,
    source character varying(100) NOT NULL,
    provider_model_id character varying(300) NOT NULL,
    url character varying(1000) NOT NULL,
    protocol character varying(20) NOT NULL,
    tag character varying(200),
    name character varying(400),
    page_url character varying(1000),
    context_length integer,
    max_output_tokens integer,
    max_prompt_tokens integer,
    quantization character varying(50),
    currency character varying(20) NOT NULL,
    released date,
    id integer NOT NULL,
    provider_id integer NOT NULL,
    model_id integer NOT NULL,
    parameters json NOT NULL,
    parameter_defaults json NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    last_seen timestamp with time zone NOT NULL,
    removed_at timestamp with time zone
);


--
-- Name: endpoint_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.endpoint_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: endpoint_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.endpoint_id_seq OWNED BY public.endpoint.id;


--
-- Name: endpointrevision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.endpointrevision (
    id integer NOT NULL,
    endpoint_id integer NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone,
    url character varying(1000) NOT NULL,
    context_length integer,
    max_output_tokens integer,
    max_prompt_tokens integer,
    quantization character varying(50),
    parameters json NOT NULL,
    run_id integer
);


--
-- Name: endpointrevision_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.endpointrevision_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: endpointrevision_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.endpointrevision_id_seq OWNED BY public.endpointrevision.id;


--
-- Name: heartbeat; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.heartbeat (
    name character varying(50) NOT NULL,
    at timestamp with time zone NOT NULL,
    started timestamp with time zone NOT NULL,
    pid integer
);


--
-- Name: incident; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.incident (
    id integer NOT NULL,
    target_id integer NOT NULL,
    kind character varying(20) NOT NULL,
    started timestamp with time zone NOT NULL,
    ended timestamp with time zone,
    cause character varying(100) NOT NULL,
    message character varying(500),
    failures integer NOT NULL
);


--
-- Name: incident_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.incident_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: incident_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.incident_id_seq OWNED BY public.incident.id;


--
-- Name: model; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model (
    canonical_id character varying(300) NOT NULL,
    name character varying(300),
    description character varying,
    context_length integer,
    released date,
    hugging_face_id character varying(300),
    id integer NOT NULL,
    input_modalities json NOT NULL,
    output_modalities json NOT NULL,
    meta json NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    last_seen timestamp with time zone NOT NULL
);


--
-- Name: model_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.model_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: model_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.model_id_seq OWNED BY public.model.id;


--
-- Name: parserstate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.parserstate (
    id integer NOT NULL,
    source character varying(100) NOT NULL,
    subject character varying(1000) NOT NULL,
    broken_since timestamp with time zone NOT NULL,
    message character varying NOT NULL
);


--
-- Name: parserstate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.parserstate_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parserstate_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.parserstate_id_seq OWNED BY public.parserstate.id;


--
-- Name: priceperiod; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.priceperiod (
    id integer NOT NULL,
    endpoint_id integer NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone,
    currency character varying(20) NOT NULL,
    input numeric,
    output numeric,
    cache_read numeric,
    cache_write numeric,
    request numeric,
    image numeric,
    web_search numeric,
    internal_reasoning numeric,
    audio numeric,
    discount numeric,
    overrides json,
    run_id integer
);


--
-- Name: priceperiod_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.priceperiod_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: priceperiod_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.priceperiod_id_seq OWNED BY public.priceperiod.id;


--
-- Name: proberollup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.proberollup (
    target_id integer NOT NULL,
    period character varying(4) NOT NULL,
    start timestamp with time zone NOT NULL,
    count integer NOT NULL,
    ok integer NOT NULL,
    failures integer NOT NULL,
    excluded integer NOT NULL,
    maintenance integer NOT NULL,
    err_timeout integer NOT NULL,
    err_connect integer NOT NULL,
    err_http_5xx integer NOT NULL,
    err_rate_limited integer NOT NULL,
    err_client_error integer NOT NULL,
    err_stream_error integer NOT NULL,
    err_bad_response integer NOT NULL,
    err_unknown integer NOT NULL,
    ttft_count integer NOT NULL,
    ttft_sum double precision NOT NULL,
    ttft_min double precision,
    ttft_max double precision,
    ttft_hist bytea,
    total_count integer NOT NULL,
    total_sum double precision NOT NULL,
    total_min double precision,
    total_max double precision,
    total_hist bytea,
    tps_count integer NOT NULL,
    tps_sum double precision NOT NULL
);


--
-- Name: probesample; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.probesample (
    id integer NOT NULL,
    target_id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    ok boolean NOT NULL,
    status integer,
    error_class character varying(20),
    connect_ms double precision,
    ttft_ms double precision,
    total_ms double precision,
    output_tokens integer,
    tokens_per_s double precision,
    in_maintenance boolean NOT NULL,
    message character varying(500)
);


--
-- Name: probesample_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.probesample_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: probesample_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.probesample_id_seq OWNED BY public.probesample.id;


--
-- Name: probetarget; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.probetarget (
    id integer NOT NULL,
    name character varying(200) NOT NULL,
    protocol character varying(20) NOT NULL,
    url character varying(1000) NOT NULL,
    model character varying(300),
    provider_tag character varying(200),
    endpoint_id integer,
    status character varying(20) NOT NULL,
    status_since timestamp with time zone,
    fail_streak integer NOT NULL,
    ok_streak integer NOT NULL,
    streak_since timestamp with time zone,
    recent_ttft_ms json NOT NULL,
    last_sample_at timestamp with time zone,
    rolled_until timestamp with time zone,
    first_seen timestamp with time zone NOT NULL
);


--
-- Name: probetarget_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.probetarget_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: probetarget_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.probetarget_id_seq OWNED BY public.probetarget.id;


--
-- Name: probewindow; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.probewindow (
    target_id integer NOT NULL,
    name character varying(10) NOT NULL,
    start timestamp with time zone NOT NULL,
    rolled_until timestamp with time zone NOT NULL,
    count integer NOT NULL,
    ok integer NOT NULL,
    failures integer NOT NULL,
    excluded integer NOT NULL,
    maintenance integer NOT NULL,
    err_timeout integer NOT NULL,
    err_connect integer NOT NULL,
    err_http_5xx integer NOT NULL,
    err_rate_limited integer NOT NULL,
    err_client_error integer NOT NULL,
    err_stream_error integer NOT NULL,
    err_bad_response integer NOT NULL,
    err_unknown integer NOT NULL,
    ttft_count integer NOT NULL,
    ttft_sum double precision NOT NULL,
    ttft_min double precision,
    ttft_max double precision,
    ttft_hist bytea,
    total_count integer NOT NULL,
    total_sum double precision NOT NULL,
    total_min double precision,
    total_max double precision,
    total_hist bytea,
    tps_count integer NOT NULL,
    tps_sum double precision NOT NULL
);


--
-- Name: provider; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.provider (
    name character varying(200) NOT NULL,
    slug character varying(200),
    id integer NOT NULL,
    meta json NOT NULL,
    first_seen timestamp with time zone NOT NULL
);


--
-- Name: provider_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.provider_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: provider_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.provider_id_seq OWNED BY public.provider.id;


--
-- Name: reportedstat; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reportedstat (
    id integer NOT NULL,
    endpoint_id integer NOT NULL,
    source character varying(100) NOT NULL,
    at timestamp with time zone NOT NULL,
    seen_until timestamp with time zone NOT NULL,
    uptime_5m double precision,
    uptime_30m double precision,
    uptime_1d double precision,
    latency_30m json,
    throughput_30m json,
    status integer
);


--
-- Name: reportedstat_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.reportedstat_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reportedstat_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.reportedstat_id_seq OWNED BY public.reportedstat.id;


--
-- Name: alertdelivery id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alertdelivery ALTER COLUMN id SET DEFAULT nextval('public.alertdelivery_id_seq'::regclass);


--
-- Name: change id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change ALTER COLUMN id SET DEFAULT nextval('public.change_id_seq'::regclass);


--
-- Name: crawlproblem id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crawlproblem ALTER COLUMN id SET DEFAULT nextval('public.crawlproblem_id_seq'::regclass);


--
-- Name: crawlrun id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crawlrun ALTER COLUMN id SET DEFAULT nextval('public.crawlrun_id_seq'::regclass);


--
-- Name: endpoint id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpoint ALTER COLUMN id SET DEFAULT nextval('public.endpoint_id_seq'::regclass);


--
-- Name: endpointrevision id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpointrevision ALTER COLUMN id SET DEFAULT nextval('public.endpointrevision_id_seq'::regclass);


--
-- Name: incident id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident ALTER COLUMN id SET DEFAULT nextval('public.incident_id_seq'::regclass);


--
-- Name: model id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model ALTER COLUMN id SET DEFAULT nextval('public.model_id_seq'::regclass);


--
-- Name: parserstate id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parserstate ALTER COLUMN id SET DEFAULT nextval('public.parserstate_id_seq'::regclass);


--
-- Name: priceperiod id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.priceperiod ALTER COLUMN id SET DEFAULT nextval('public.priceperiod_id_seq'::regclass);


--
-- Name: probesample id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probesample ALTER COLUMN id SET DEFAULT nextval('public.probesample_id_seq'::regclass);


--
-- Name: probetarget id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probetarget ALTER COLUMN id SET DEFAULT nextval('public.probetarget_id_seq'::regclass);


--
-- Name: provider id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provider ALTER COLUMN id SET DEFAULT nextval('public.provider_id_seq'::regclass);


--
-- Name: reportedstat id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reportedstat ALTER COLUMN id SET DEFAULT nextval('public.reportedstat_id_seq'::regclass);


--
-- Data for Name: alertchannel; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alertchannel (channel_key, channel, failures, failing_since, last_error, last_attempt, last_ok) VALUES ('url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 3, '2026-11-27 16:52:19.424807+00', 'A Connection error occurred sending JSON notification to 127.0.0.1.', '2026-11-27 16:52:19.424807+00', NULL);
INSERT INTO public.alertchannel (channel_key, channel, failures, failing_since, last_error, last_attempt, last_ok) VALUES ('webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 3, '2026-11-27 16:52:19.424807+00', 'connection failed (ConnectError)', '2026-11-27 16:52:19.424807+00', NULL);


--
-- Data for Name: alertcursor; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alertcursor (name, "position", updated) VALUES ('runs', 8, '2026-11-27 16:46:48.535907+00');


--
-- Data for Name: alertdelivery; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (3, 'incident:1:start', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_start', '2026-11-27 16:46:16.827825+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: novita-deepseek-v3.1', 'DOWN: novita-deepseek-v3.1 (Novita · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:1:start", "kind": "outage_start", "title": "modelwatch: DOWN: novita-deepseek-v3.1", "text": "DOWN: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:16.827825+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 1, "incident": "down", "probe": "novita-deepseek-v3.1", "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "started": "2026-11-27T16:46:16.827825+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (4, 'incident:1:start', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_start', '2026-11-27 16:46:16.827825+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: novita-deepseek-v3.1', 'DOWN: novita-deepseek-v3.1 (Novita · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:1:start", "kind": "outage_start", "title": "modelwatch: DOWN: novita-deepseek-v3.1", "text": "DOWN: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:16.827825+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 1, "incident": "down", "probe": "novita-deepseek-v3.1", "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "started": "2026-11-27T16:46:16.827825+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (5, 'incident:2:start', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_start', '2026-11-27 16:46:16.828619+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: deepinfra-deepseek-v3.1', 'DOWN: deepinfra-deepseek-v3.1 (DeepInfra · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:2:start", "kind": "outage_start", "title": "modelwatch: DOWN: deepinfra-deepseek-v3.1", "text": "DOWN: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:16.828619+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 2, "incident": "down", "probe": "deepinfra-deepseek-v3.1", "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "started": "2026-11-27T16:46:16.828619+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (6, 'incident:2:start', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_start', '2026-11-27 16:46:16.828619+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: deepinfra-deepseek-v3.1', 'DOWN: deepinfra-deepseek-v3.1 (DeepInfra · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:2:start", "kind": "outage_start", "title": "modelwatch: DOWN: deepinfra-deepseek-v3.1", "text": "DOWN: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:16.828619+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 2, "incident": "down", "probe": "deepinfra-deepseek-v3.1", "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "started": "2026-11-27T16:46:16.828619+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (7, 'incident:3:start', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_start', '2026-11-27 16:46:16.830787+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: openai-gpt-4o-mini', 'DOWN: openai-gpt-4o-mini (OpenRouter · openai/gpt-4o-mini) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini', '{"version": 1, "event_key": "incident:3:start", "kind": "outage_start", "title": "modelwatch: DOWN: openai-gpt-4o-mini", "text": "DOWN: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "at": "2026-11-27T16:46:16.830787+00:00", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "incident_id": 3, "incident": "down", "probe": "openai-gpt-4o-mini", "endpoint_id": 3, "model": "openai/gpt-4o-mini", "provider": "OpenRouter", "started": "2026-11-27T16:46:16.830787+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (8, 'incident:3:start', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_start', '2026-11-27 16:46:16.830787+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: openai-gpt-4o-mini', 'DOWN: openai-gpt-4o-mini (OpenRouter · openai/gpt-4o-mini) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini', '{"version": 1, "event_key": "incident:3:start", "kind": "outage_start", "title": "modelwatch: DOWN: openai-gpt-4o-mini", "text": "DOWN: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "at": "2026-11-27T16:46:16.830787+00:00", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "incident_id": 3, "incident": "down", "probe": "openai-gpt-4o-mini", "endpoint_id": 3, "model": "openai/gpt-4o-mini", "provider": "OpenRouter", "started": "2026-11-27T16:46:16.830787+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (9, 'incident:4:start', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_start', '2026-11-27 16:46:16.831111+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: eigenai-deepseek-v3.1', 'DOWN: eigenai-deepseek-v3.1 (EigenAI · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:4:start", "kind": "outage_start", "title": "modelwatch: DOWN: eigenai-deepseek-v3.1", "text": "DOWN: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:16.831111+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 4, "incident": "down", "probe": "eigenai-deepseek-v3.1", "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "started": "2026-11-27T16:46:16.831111+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (10, 'incident:4:start', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_start', '2026-11-27 16:46:16.831111+00', '2026-11-27 16:46:25.035348+00', false, 'pending', 0, '2026-11-27 16:46:25.035348+00', NULL, NULL, NULL, NULL, 'modelwatch: DOWN: eigenai-deepseek-v3.1', 'DOWN: eigenai-deepseek-v3.1 (EigenAI · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:4:start", "kind": "outage_start", "title": "modelwatch: DOWN: eigenai-deepseek-v3.1", "text": "DOWN: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:16.831111+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "start", "text": "DOWN: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: connect: connection failed before a response (ConnectError)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 4, "incident": "down", "probe": "eigenai-deepseek-v3.1", "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "started": "2026-11-27T16:46:16.831111+00:00", "ended": null, "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (27, 'run:8:changes', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'changes', '2026-11-27 16:46:48.406273+00', '2026-11-27 16:46:48.535907+00', false, 'pending', 0, '2026-11-27 16:46:48.535907+00', NULL, NULL, NULL, NULL, 'modelwatch: EigenAI · deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)', 'eigenai crawl at 2026-11-27 16:46 UTC: 1 price change
• EigenAI · deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)

Dashboard: http://localhost:8501/changes?run=8', '{"version": 1, "event_key": "run:8:changes", "kind": "changes", "title": "modelwatch: EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)", "text": "eigenai crawl at 2026-11-27 16:46 UTC: 1 price change\n\u2022 EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)\n\nDashboard: http://localhost:8501/changes?run=8", "at": "2026-11-27T16:46:48.406273+00:00", "link": "http://localhost:8501/changes?run=8", "count": 1, "events": [{"rule": "price_change", "action": "price_down", "text": "EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 7, "kind": "price_down", "at": "2026-11-27T16:46:48.406273+00:00", "source": "eigenai", "run_id": 8, "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "field": "output", "old": "2", "new": "1.8", "percent": -10.0, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (2, 'run:2:changes', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'changes', '2026-11-27 16:45:52.321937+00', '2026-11-27 16:45:52.474767+00', false, 'pending', 3, '2026-11-27 16:52:21.424807+00', NULL, NULL, NULL, 'connection failed (ConnectError)', 'modelwatch: parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found', 'eigenai crawl at 2026-11-27 16:45 UTC: 1 parser event
• parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found

Dashboard: http://localhost:8501/changes?run=2', '{"version": 1, "event_key": "run:2:changes", "kind": "changes", "title": "modelwatch: parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found", "text": "eigenai crawl at 2026-11-27 16:45 UTC: 1 parser event\n\u2022 parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found\n\nDashboard: http://localhost:8501/changes?run=2", "at": "2026-11-27T16:45:52.321937+00:00", "link": "http://localhost:8501/changes?run=2", "count": 1, "events": [{"rule": "parser_broken", "action": "parser_broken", "text": "parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found", "link": "http://localhost:8501/changes?run=2", "change_id": 1, "kind": "parser_broken", "at": "2026-11-27T16:45:52.321937+00:00", "source": "eigenai", "run_id": 2, "endpoint_id": null, "model": null, "provider": null, "field": null, "old": null, "new": "model page layout changed: no price found", "percent": null, "subject": "http://127.0.0.1:45753/broken-layout.html"}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (11, 'run:5:changes', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'changes', '2026-11-27 16:46:34.562799+00', '2026-11-27 16:46:34.652807+00', false, 'pending', 0, '2026-11-27 16:46:34.652807+00', NULL, NULL, NULL, NULL, 'modelwatch: 4 changes from openrouter (2 price changes, 1 context change, 1 endpoint removed)', 'openrouter crawl at 2026-11-27 16:46 UTC: 2 price changes, 1 context change, 1 endpoint removed
• SiliconFlow · deepseek/deepseek-chat-v3.1 [siliconflow/fp8]: endpoint removed (was http://127.0.0.1:45753/api/v1/chat/completions)
• Novita · deepseek/deepseek-v3.1-terminus: output price up 1 -> 1.2 per 1M tokens (+20%)
• Novita · mistralai/mistral-nemo: input price down 0.04 -> 0.02 per 1M tokens (-50%)
• OpenAI · openai/gpt-4o-mini: context_length 128000 -> 200000 (+56.25%)

Dashboard: http://localhost:8501/changes?run=5', '{"version": 1, "event_key": "run:5:changes", "kind": "changes", "title": "modelwatch: 4 changes from openrouter (2 price changes, 1 context change, 1 endpoint removed)", "text": "openrouter crawl at 2026-11-27 16:46 UTC: 2 price changes, 1 context change, 1 endpoint removed\n\u2022 SiliconFlow \u00b7 deepseek/deepseek-chat-v3.1 [siliconflow/fp8]: endpoint removed (was http://127.0.0.1:45753/api/v1/chat/completions)\n\u2022 Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price up 1 -> 1.2 per 1M tokens (+20%)\n\u2022 Novita \u00b7 mistralai/mistral-nemo: input price down 0.04 -> 0.02 per 1M tokens (-50%)\n\u2022 OpenAI \u00b7 openai/gpt-4o-mini: context_length 128000 -> 200000 (+56.25%)\n\nDashboard: http://localhost:8501/changes?run=5", "at": "2026-11-27T16:46:34.562799+00:00", "link": "http://localhost:8501/changes?run=5", "count": 4, "events": [{"rule": "endpoint_removed", "action": "endpoint_removed", "text": "SiliconFlow \u00b7 deepseek/deepseek-chat-v3.1 [siliconflow/fp8]: endpoint removed (was http://127.0.0.1:45753/api/v1/chat/completions)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-chat-v3.1", "change_id": 6, "kind": "endpoint_removed", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 13, "model": "deepseek/deepseek-chat-v3.1", "provider": "SiliconFlow", "field": null, "old": "http://127.0.0.1:45753/api/v1/chat/completions", "new": null, "percent": null, "subject": "siliconflow/fp8"}, {"rule": "price_change", "action": "price_up", "text": "Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price up 1 -> 1.2 per 1M tokens (+20%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 5, "kind": "price_up", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "field": "output", "old": "1", "new": "1.2", "percent": 20.0, "subject": null}, {"rule": "price_change", "action": "price_down", "text": "Novita \u00b7 mistralai/mistral-nemo: input price down 0.04 -> 0.02 per 1M tokens (-50%)", "link": "http://localhost:8501/model?id=mistralai%2Fmistral-nemo", "change_id": 3, "kind": "price_down", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 5, "model": "mistralai/mistral-nemo", "provider": "Novita", "field": "input", "old": "0.04", "new": "0.02", "percent": -50.0, "subject": null}, {"rule": "context_changed", "action": "context_changed", "text": "OpenAI \u00b7 openai/gpt-4o-mini: context_length 128000 -> 200000 (+56.25%)", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "change_id": 4, "kind": "context_changed", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 8, "model": "openai/gpt-4o-mini", "provider": "OpenAI", "field": "context_length", "old": "128000", "new": "200000", "percent": 56.25, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (12, 'run:5:changes', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'changes', '2026-11-27 16:46:34.562799+00', '2026-11-27 16:46:34.652807+00', false, 'pending', 0, '2026-11-27 16:46:34.652807+00', NULL, NULL, NULL, NULL, 'modelwatch: 4 changes from openrouter (2 price changes, 1 context change, 1 endpoint removed)', 'openrouter crawl at 2026-11-27 16:46 UTC: 2 price changes, 1 context change, 1 endpoint removed
• SiliconFlow · deepseek/deepseek-chat-v3.1 [siliconflow/fp8]: endpoint removed (was http://127.0.0.1:45753/api/v1/chat/completions)
• Novita · deepseek/deepseek-v3.1-terminus: output price up 1 -> 1.2 per 1M tokens (+20%)
• Novita · mistralai/mistral-nemo: input price down 0.04 -> 0.02 per 1M tokens (-50%)
• OpenAI · openai/gpt-4o-mini: context_length 128000 -> 200000 (+56.25%)

Dashboard: http://localhost:8501/changes?run=5', '{"version": 1, "event_key": "run:5:changes", "kind": "changes", "title": "modelwatch: 4 changes from openrouter (2 price changes, 1 context change, 1 endpoint removed)", "text": "openrouter crawl at 2026-11-27 16:46 UTC: 2 price changes, 1 context change, 1 endpoint removed\n\u2022 SiliconFlow \u00b7 deepseek/deepseek-chat-v3.1 [siliconflow/fp8]: endpoint removed (was http://127.0.0.1:45753/api/v1/chat/completions)\n\u2022 Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price up 1 -> 1.2 per 1M tokens (+20%)\n\u2022 Novita \u00b7 mistralai/mistral-nemo: input price down 0.04 -> 0.02 per 1M tokens (-50%)\n\u2022 OpenAI \u00b7 openai/gpt-4o-mini: context_length 128000 -> 200000 (+56.25%)\n\nDashboard: http://localhost:8501/changes?run=5", "at": "2026-11-27T16:46:34.562799+00:00", "link": "http://localhost:8501/changes?run=5", "count": 4, "events": [{"rule": "endpoint_removed", "action": "endpoint_removed", "text": "SiliconFlow \u00b7 deepseek/deepseek-chat-v3.1 [siliconflow/fp8]: endpoint removed (was http://127.0.0.1:45753/api/v1/chat/completions)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-chat-v3.1", "change_id": 6, "kind": "endpoint_removed", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 13, "model": "deepseek/deepseek-chat-v3.1", "provider": "SiliconFlow", "field": null, "old": "http://127.0.0.1:45753/api/v1/chat/completions", "new": null, "percent": null, "subject": "siliconflow/fp8"}, {"rule": "price_change", "action": "price_up", "text": "Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price up 1 -> 1.2 per 1M tokens (+20%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 5, "kind": "price_up", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "field": "output", "old": "1", "new": "1.2", "percent": 20.0, "subject": null}, {"rule": "price_change", "action": "price_down", "text": "Novita \u00b7 mistralai/mistral-nemo: input price down 0.04 -> 0.02 per 1M tokens (-50%)", "link": "http://localhost:8501/model?id=mistralai%2Fmistral-nemo", "change_id": 3, "kind": "price_down", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 5, "model": "mistralai/mistral-nemo", "provider": "Novita", "field": "input", "old": "0.04", "new": "0.02", "percent": -50.0, "subject": null}, {"rule": "context_changed", "action": "context_changed", "text": "OpenAI \u00b7 openai/gpt-4o-mini: context_length 128000 -> 200000 (+56.25%)", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "change_id": 4, "kind": "context_changed", "at": "2026-11-27T16:46:34.562799+00:00", "source": "openrouter", "run_id": 5, "endpoint_id": 8, "model": "openai/gpt-4o-mini", "provider": "OpenAI", "field": "context_length", "old": "128000", "new": "200000", "percent": 56.25, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (13, 'run:6:changes', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'changes', '2026-11-27 16:46:34.528605+00', '2026-11-27 16:46:34.652807+00', false, 'pending', 0, '2026-11-27 16:46:34.652807+00', NULL, NULL, NULL, NULL, 'modelwatch: EigenAI · deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)', 'eigenai crawl at 2026-11-27 16:46 UTC: 1 price change
• EigenAI · deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)

Dashboard: http://localhost:8501/changes?run=6', '{"version": 1, "event_key": "run:6:changes", "kind": "changes", "title": "modelwatch: EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)", "text": "eigenai crawl at 2026-11-27 16:46 UTC: 1 price change\n\u2022 EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)\n\nDashboard: http://localhost:8501/changes?run=6", "at": "2026-11-27T16:46:34.528605+00:00", "link": "http://localhost:8501/changes?run=6", "count": 1, "events": [{"rule": "price_change", "action": "price_up", "text": "EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 2, "kind": "price_up", "at": "2026-11-27T16:46:34.528605+00:00", "source": "eigenai", "run_id": 6, "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "field": "input", "old": "0.4", "new": "0.45", "percent": 12.5, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (14, 'run:6:changes', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'changes', '2026-11-27 16:46:34.528605+00', '2026-11-27 16:46:34.652807+00', false, 'pending', 0, '2026-11-27 16:46:34.652807+00', NULL, NULL, NULL, NULL, 'modelwatch: EigenAI · deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)', 'eigenai crawl at 2026-11-27 16:46 UTC: 1 price change
• EigenAI · deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)

Dashboard: http://localhost:8501/changes?run=6', '{"version": 1, "event_key": "run:6:changes", "kind": "changes", "title": "modelwatch: EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)", "text": "eigenai crawl at 2026-11-27 16:46 UTC: 1 price change\n\u2022 EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)\n\nDashboard: http://localhost:8501/changes?run=6", "at": "2026-11-27T16:46:34.528605+00:00", "link": "http://localhost:8501/changes?run=6", "count": 1, "events": [{"rule": "price_change", "action": "price_up", "text": "EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: input price up 0.4 -> 0.45 per 1M tokens (+12.50%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 2, "kind": "price_up", "at": "2026-11-27T16:46:34.528605+00:00", "source": "eigenai", "run_id": 6, "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "field": "input", "old": "0.4", "new": "0.45", "percent": 12.5, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (28, 'run:8:changes', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'changes', '2026-11-27 16:46:48.406273+00', '2026-11-27 16:46:48.535907+00', false, 'pending', 0, '2026-11-27 16:46:48.535907+00', NULL, NULL, NULL, NULL, 'modelwatch: EigenAI · deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)', 'eigenai crawl at 2026-11-27 16:46 UTC: 1 price change
• EigenAI · deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)

Dashboard: http://localhost:8501/changes?run=8', '{"version": 1, "event_key": "run:8:changes", "kind": "changes", "title": "modelwatch: EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)", "text": "eigenai crawl at 2026-11-27 16:46 UTC: 1 price change\n\u2022 EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)\n\nDashboard: http://localhost:8501/changes?run=8", "at": "2026-11-27T16:46:48.406273+00:00", "link": "http://localhost:8501/changes?run=8", "count": 1, "events": [{"rule": "price_change", "action": "price_down", "text": "EigenAI \u00b7 deepseek/deepseek-v3.1-terminus: output price down 2 -> 1.8 per 1M tokens (-10%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 7, "kind": "price_down", "at": "2026-11-27T16:46:48.406273+00:00", "source": "eigenai", "run_id": 8, "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "field": "output", "old": "2", "new": "1.8", "percent": -10.0, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (15, 'incident:1:resolve', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_resolve', '2026-11-27 16:46:38.384327+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: novita-deepseek-v3.1', 'UP again: novita-deepseek-v3.1 (Novita · deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:1:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: novita-deepseek-v3.1", "text": "UP again: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.384327+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 1, "incident": "down", "probe": "novita-deepseek-v3.1", "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "started": "2026-11-27T16:46:16.827825+00:00", "ended": "2026-11-27T16:46:38.384327+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (16, 'incident:1:resolve', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_resolve', '2026-11-27 16:46:38.384327+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: novita-deepseek-v3.1', 'UP again: novita-deepseek-v3.1 (Novita · deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:1:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: novita-deepseek-v3.1", "text": "UP again: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.384327+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: novita-deepseek-v3.1 (Novita \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 1, "incident": "down", "probe": "novita-deepseek-v3.1", "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "started": "2026-11-27T16:46:16.827825+00:00", "ended": "2026-11-27T16:46:38.384327+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (17, 'incident:2:resolve', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_resolve', '2026-11-27 16:46:38.38505+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: deepinfra-deepseek-v3.1', 'UP again: deepinfra-deepseek-v3.1 (DeepInfra · deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:2:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: deepinfra-deepseek-v3.1", "text": "UP again: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.385050+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 2, "incident": "down", "probe": "deepinfra-deepseek-v3.1", "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "started": "2026-11-27T16:46:16.828619+00:00", "ended": "2026-11-27T16:46:38.385050+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (18, 'incident:2:resolve', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_resolve', '2026-11-27 16:46:38.38505+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: deepinfra-deepseek-v3.1', 'UP again: deepinfra-deepseek-v3.1 (DeepInfra · deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:2:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: deepinfra-deepseek-v3.1", "text": "UP again: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.385050+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 2, "incident": "down", "probe": "deepinfra-deepseek-v3.1", "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "started": "2026-11-27T16:46:16.828619+00:00", "ended": "2026-11-27T16:46:38.385050+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (19, 'incident:3:resolve', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_resolve', '2026-11-27 16:46:38.387027+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: openai-gpt-4o-mini', 'UP again: openai-gpt-4o-mini (OpenRouter · openai/gpt-4o-mini) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini', '{"version": 1, "event_key": "incident:3:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: openai-gpt-4o-mini", "text": "UP again: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "at": "2026-11-27T16:46:38.387027+00:00", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "incident_id": 3, "incident": "down", "probe": "openai-gpt-4o-mini", "endpoint_id": 3, "model": "openai/gpt-4o-mini", "provider": "OpenRouter", "started": "2026-11-27T16:46:16.830787+00:00", "ended": "2026-11-27T16:46:38.387027+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (20, 'incident:3:resolve', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_resolve', '2026-11-27 16:46:38.387027+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: openai-gpt-4o-mini', 'UP again: openai-gpt-4o-mini (OpenRouter · openai/gpt-4o-mini) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini', '{"version": 1, "event_key": "incident:3:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: openai-gpt-4o-mini", "text": "UP again: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "at": "2026-11-27T16:46:38.387027+00:00", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: openai-gpt-4o-mini (OpenRouter \u00b7 openai/gpt-4o-mini) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=openai%2Fgpt-4o-mini", "incident_id": 3, "incident": "down", "probe": "openai-gpt-4o-mini", "endpoint_id": 3, "model": "openai/gpt-4o-mini", "provider": "OpenRouter", "started": "2026-11-27T16:46:16.830787+00:00", "ended": "2026-11-27T16:46:38.387027+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (21, 'incident:4:resolve', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'outage_resolve', '2026-11-27 16:46:38.387354+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: eigenai-deepseek-v3.1', 'UP again: eigenai-deepseek-v3.1 (EigenAI · deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:4:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: eigenai-deepseek-v3.1", "text": "UP again: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.387354+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 4, "incident": "down", "probe": "eigenai-deepseek-v3.1", "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "started": "2026-11-27T16:46:16.831111+00:00", "ended": "2026-11-27T16:46:38.387354+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (22, 'incident:4:resolve', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'outage_resolve', '2026-11-27 16:46:38.387354+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: UP again: eigenai-deepseek-v3.1', 'UP again: eigenai-deepseek-v3.1 (EigenAI · deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:4:resolve", "kind": "outage_resolve", "title": "modelwatch: UP again: eigenai-deepseek-v3.1", "text": "UP again: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.387354+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "outage", "action": "resolve", "text": "UP again: eigenai-deepseek-v3.1 (EigenAI \u00b7 deepseek/deepseek-v3.1-terminus) at 2026-11-27 16:46 UTC after <1m down (connect: connection failed before a response (ConnectError))", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 4, "incident": "down", "probe": "eigenai-deepseek-v3.1", "endpoint_id": 18, "model": "deepseek/deepseek-v3.1-terminus", "provider": "EigenAI", "started": "2026-11-27T16:46:16.831111+00:00", "ended": "2026-11-27T16:46:38.387354+00:00", "cause": "connect", "message": "connection failed before a response (ConnectError)", "failures": 3}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (23, 'incident:5:start', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'degraded_start', '2026-11-27 16:46:38.38505+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: DEGRADED: deepinfra-deepseek-v3.1', 'DEGRADED: deepinfra-deepseek-v3.1 (DeepInfra · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: ttft p90 above 100 ms: ttft p90 202 ms over the last 3 ok samples

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:5:start", "kind": "degraded_start", "title": "modelwatch: DEGRADED: deepinfra-deepseek-v3.1", "text": "DEGRADED: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: ttft p90 above 100 ms: ttft p90 202 ms over the last 3 ok samples\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.385050+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "degraded", "action": "start", "text": "DEGRADED: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: ttft p90 above 100 ms: ttft p90 202 ms over the last 3 ok samples", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 5, "incident": "degraded", "probe": "deepinfra-deepseek-v3.1", "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "started": "2026-11-27T16:46:38.385050+00:00", "ended": null, "cause": "ttft p90 above 100 ms", "message": "ttft p90 202 ms over the last 3 ok samples", "failures": 0}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (24, 'incident:5:start', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'degraded_start', '2026-11-27 16:46:38.38505+00', '2026-11-27 16:46:42.642484+00', false, 'pending', 0, '2026-11-27 16:46:42.642484+00', NULL, NULL, NULL, NULL, 'modelwatch: DEGRADED: deepinfra-deepseek-v3.1', 'DEGRADED: deepinfra-deepseek-v3.1 (DeepInfra · deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: ttft p90 above 100 ms: ttft p90 202 ms over the last 3 ok samples

When: 2026-11-27 16:46 UTC
Dashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus', '{"version": 1, "event_key": "incident:5:start", "kind": "degraded_start", "title": "modelwatch: DEGRADED: deepinfra-deepseek-v3.1", "text": "DEGRADED: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: ttft p90 above 100 ms: ttft p90 202 ms over the last 3 ok samples\n\nWhen: 2026-11-27 16:46 UTC\nDashboard: http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "at": "2026-11-27T16:46:38.385050+00:00", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "count": 1, "events": [{"rule": "degraded", "action": "start", "text": "DEGRADED: deepinfra-deepseek-v3.1 (DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus) since 2026-11-27 16:46 UTC: ttft p90 above 100 ms: ttft p90 202 ms over the last 3 ok samples", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "incident_id": 5, "incident": "degraded", "probe": "deepinfra-deepseek-v3.1", "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "started": "2026-11-27T16:46:38.385050+00:00", "ended": null, "cause": "ttft p90 above 100 ms", "message": "ttft p90 202 ms over the last 3 ok samples", "failures": 0}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (25, 'run:7:changes', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'changes', '2026-11-27 16:46:48.463159+00', '2026-11-27 16:46:48.535907+00', false, 'pending', 0, '2026-11-27 16:46:48.535907+00', NULL, NULL, NULL, NULL, 'modelwatch: 5 changes from openrouter (2 new endpoints, 1 new model, 1 price change, 1 parameter change)', 'openrouter crawl at 2026-11-27 16:46 UTC: 2 new endpoints, 1 new model, 1 price change, 1 parameter change
• Novita · deepseek/deepseek-v3.1-terminus: output price down 1.2 -> 1.1 per 1M tokens (-8.33%)
• DeepInfra · deepseek/deepseek-v3.1-terminus: parameters removed seed
• new model google/gemma-4-31b-it:free (Google: Gemma 4 31B (free))
• Google AI Studio · google/gemma-4-31b-it:free [google-ai-studio]: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)
• OpenRouter · google/gemma-4-31b-it:free: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)

Dashboard: http://localhost:8501/changes?run=7', '{"version": 1, "event_key": "run:7:changes", "kind": "changes", "title": "modelwatch: 5 changes from openrouter (2 new endpoints, 1 new model, 1 price change, 1 parameter change)", "text": "openrouter crawl at 2026-11-27 16:46 UTC: 2 new endpoints, 1 new model, 1 price change, 1 parameter change\n\u2022 Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price down 1.2 -> 1.1 per 1M tokens (-8.33%)\n\u2022 DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus: parameters removed seed\n\u2022 new model google/gemma-4-31b-it:free (Google: Gemma 4 31B (free))\n\u2022 Google AI Studio \u00b7 google/gemma-4-31b-it:free [google-ai-studio]: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)\n\u2022 OpenRouter \u00b7 google/gemma-4-31b-it:free: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)\n\nDashboard: http://localhost:8501/changes?run=7", "at": "2026-11-27T16:46:48.463159+00:00", "link": "http://localhost:8501/changes?run=7", "count": 5, "events": [{"rule": "price_change", "action": "price_down", "text": "Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price down 1.2 -> 1.1 per 1M tokens (-8.33%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 9, "kind": "price_down", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "field": "output", "old": "1.2", "new": "1.1", "percent": -8.33, "subject": null}, {"rule": "parameters_changed", "action": "parameters_changed", "text": "DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus: parameters removed seed", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 10, "kind": "parameters_changed", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "field": "parameters", "old": "seed", "new": null, "percent": null, "subject": null}, {"rule": "new_model", "action": "new_model", "text": "new model google/gemma-4-31b-it:free (Google: Gemma 4 31B (free))", "link": "http://localhost:8501/model?id=google%2Fgemma-4-31b-it%3Afree", "change_id": 8, "kind": "new_model", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": null, "model": "google/gemma-4-31b-it:free", "provider": null, "field": null, "old": null, "new": "Google: Gemma 4 31B (free)", "percent": null, "subject": null}, {"rule": "new_endpoint", "action": "new_endpoint", "text": "Google AI Studio \u00b7 google/gemma-4-31b-it:free [google-ai-studio]: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)", "link": "http://localhost:8501/model?id=google%2Fgemma-4-31b-it%3Afree", "change_id": 12, "kind": "new_endpoint", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 20, "model": "google/gemma-4-31b-it:free", "provider": "Google AI Studio", "field": null, "old": null, "new": "http://127.0.0.1:45753/api/v1/chat/completions", "percent": null, "subject": "google-ai-studio"}, {"rule": "new_endpoint", "action": "new_endpoint", "text": "OpenRouter \u00b7 google/gemma-4-31b-it:free: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)", "link": "http://localhost:8501/model?id=google%2Fgemma-4-31b-it%3Afree", "change_id": 11, "kind": "new_endpoint", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 19, "model": "google/gemma-4-31b-it:free", "provider": "OpenRouter", "field": null, "old": null, "new": "http://127.0.0.1:45753/api/v1/chat/completions", "percent": null, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (26, 'run:7:changes', 'webhook:ops-webhook', 'ops-webhook (http://127.0.0.1:33813)', 'changes', '2026-11-27 16:46:48.463159+00', '2026-11-27 16:46:48.535907+00', false, 'pending', 0, '2026-11-27 16:46:48.535907+00', NULL, NULL, NULL, NULL, 'modelwatch: 5 changes from openrouter (2 new endpoints, 1 new model, 1 price change, 1 parameter change)', 'openrouter crawl at 2026-11-27 16:46 UTC: 2 new endpoints, 1 new model, 1 price change, 1 parameter change
• Novita · deepseek/deepseek-v3.1-terminus: output price down 1.2 -> 1.1 per 1M tokens (-8.33%)
• DeepInfra · deepseek/deepseek-v3.1-terminus: parameters removed seed
• new model google/gemma-4-31b-it:free (Google: Gemma 4 31B (free))
• Google AI Studio · google/gemma-4-31b-it:free [google-ai-studio]: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)
• OpenRouter · google/gemma-4-31b-it:free: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)

Dashboard: http://localhost:8501/changes?run=7', '{"version": 1, "event_key": "run:7:changes", "kind": "changes", "title": "modelwatch: 5 changes from openrouter (2 new endpoints, 1 new model, 1 price change, 1 parameter change)", "text": "openrouter crawl at 2026-11-27 16:46 UTC: 2 new endpoints, 1 new model, 1 price change, 1 parameter change\n\u2022 Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price down 1.2 -> 1.1 per 1M tokens (-8.33%)\n\u2022 DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus: parameters removed seed\n\u2022 new model google/gemma-4-31b-it:free (Google: Gemma 4 31B (free))\n\u2022 Google AI Studio \u00b7 google/gemma-4-31b-it:free [google-ai-studio]: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)\n\u2022 OpenRouter \u00b7 google/gemma-4-31b-it:free: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)\n\nDashboard: http://localhost:8501/changes?run=7", "at": "2026-11-27T16:46:48.463159+00:00", "link": "http://localhost:8501/changes?run=7", "count": 5, "events": [{"rule": "price_change", "action": "price_down", "text": "Novita \u00b7 deepseek/deepseek-v3.1-terminus: output price down 1.2 -> 1.1 per 1M tokens (-8.33%)", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 9, "kind": "price_down", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 14, "model": "deepseek/deepseek-v3.1-terminus", "provider": "Novita", "field": "output", "old": "1.2", "new": "1.1", "percent": -8.33, "subject": null}, {"rule": "parameters_changed", "action": "parameters_changed", "text": "DeepInfra \u00b7 deepseek/deepseek-v3.1-terminus: parameters removed seed", "link": "http://localhost:8501/model?id=deepseek%2Fdeepseek-v3.1-terminus", "change_id": 10, "kind": "parameters_changed", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 16, "model": "deepseek/deepseek-v3.1-terminus", "provider": "DeepInfra", "field": "parameters", "old": "seed", "new": null, "percent": null, "subject": null}, {"rule": "new_model", "action": "new_model", "text": "new model google/gemma-4-31b-it:free (Google: Gemma 4 31B (free))", "link": "http://localhost:8501/model?id=google%2Fgemma-4-31b-it%3Afree", "change_id": 8, "kind": "new_model", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": null, "model": "google/gemma-4-31b-it:free", "provider": null, "field": null, "old": null, "new": "Google: Gemma 4 31B (free)", "percent": null, "subject": null}, {"rule": "new_endpoint", "action": "new_endpoint", "text": "Google AI Studio \u00b7 google/gemma-4-31b-it:free [google-ai-studio]: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)", "link": "http://localhost:8501/model?id=google%2Fgemma-4-31b-it%3Afree", "change_id": 12, "kind": "new_endpoint", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 20, "model": "google/gemma-4-31b-it:free", "provider": "Google AI Studio", "field": null, "old": null, "new": "http://127.0.0.1:45753/api/v1/chat/completions", "percent": null, "subject": "google-ai-studio"}, {"rule": "new_endpoint", "action": "new_endpoint", "text": "OpenRouter \u00b7 google/gemma-4-31b-it:free: endpoint listed (http://127.0.0.1:45753/api/v1/chat/completions)", "link": "http://localhost:8501/model?id=google%2Fgemma-4-31b-it%3Afree", "change_id": 11, "kind": "new_endpoint", "at": "2026-11-27T16:46:48.463159+00:00", "source": "openrouter", "run_id": 7, "endpoint_id": 19, "model": "google/gemma-4-31b-it:free", "provider": "OpenRouter", "field": null, "old": null, "new": "http://127.0.0.1:45753/api/v1/chat/completions", "percent": null, "subject": null}]}');
INSERT INTO public.alertdelivery (id, event_key, channel_key, channel, kind, event_at, created, urgent, status, attempts, next_attempt, lease_until, lease_owner, sent_at, last_error, title, body, payload) VALUES (1, 'run:2:changes', 'url:2bdabe96c61ee0f0', 'json://127.0.0.1:33813', 'changes', '2026-11-27 16:45:52.321937+00', '2026-11-27 16:45:52.474767+00', false, 'pending', 3, '2026-11-27 16:52:21.424807+00', NULL, NULL, NULL, 'A Connection error occurred sending JSON notification to 127.0.0.1.', 'modelwatch: parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found', 'eigenai crawl at 2026-11-27 16:45 UTC: 1 parser event
• parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found

Dashboard: http://localhost:8501/changes?run=2', '{"version": 1, "event_key": "run:2:changes", "kind": "changes", "title": "modelwatch: parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found", "text": "eigenai crawl at 2026-11-27 16:45 UTC: 1 parser event\n\u2022 parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found\n\nDashboard: http://localhost:8501/changes?run=2", "at": "2026-11-27T16:45:52.321937+00:00", "link": "http://localhost:8501/changes?run=2", "count": 1, "events": [{"rule": "parser_broken", "action": "parser_broken", "text": "parser broken (eigenai) for http://127.0.0.1:45753/broken-layout.html: model page layout changed: no price found", "link": "http://localhost:8501/changes?run=2", "change_id": 1, "kind": "parser_broken", "at": "2026-11-27T16:45:52.321937+00:00", "source": "eigenai", "run_id": 2, "endpoint_id": null, "model": null, "provider": null, "field": null, "old": null, "new": "model page layout changed: no price found", "percent": null, "subject": "http://127.0.0.1:45753/broken-layout.html"}]}');


--
-- Data for Name: apscheduler_jobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.apscheduler_jobs (id, next_run_time, job_state) VALUES ('crawl:openrouter', 1795884408.463159, '\x800595d9010000000000007d94288c0776657273696f6e944b018c026964948c10637261776c3a6f70656e726f75746572948c0466756e63948c126d6f6e69746f722e6a6f62733a637261776c948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086461746574696d65948c0874696d657a6f6e65949394680d8c0974696d6564656c74619493944b004b004b0087945294859452948c0a73746172745f6461746594680d8c086461746574696d65949394430a07ea0b1c10340e06e151946815869452948c08656e645f64617465944e8c08696e74657276616c9468114b014b004b00879452948c066a6974746572944d2c0175628c086578656375746f72948c0764656661756c74948c0461726773948c0a6f70656e726f757465729485948c066b7761726773947d948c046e616d65948c10637261776c206f70656e726f75746572948c126d6973666972655f67726163655f74696d65944d100e8c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d65946818430a07ea0b1c102e3007113794681586945294752e');
INSERT INTO public.apscheduler_jobs (id, next_run_time, job_state) VALUES ('crawl:eigenai', 1795884408.406273, '\x800595d0010000000000007d94288c0776657273696f6e944b018c026964948c0d637261776c3a656967656e6169948c0466756e63948c126d6f6e69746f722e6a6f62733a637261776c948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086461746574696d65948c0874696d657a6f6e65949394680d8c0974696d6564656c74619493944b004b004b0087945294859452948c0a73746172745f6461746594680d8c086461746574696d65949394430a07ea0b1c10340e071a8e946815869452948c08656e645f64617465944e8c08696e74657276616c9468114b014b004b00879452948c066a6974746572944d2c0175628c086578656375746f72948c0764656661756c74948c0461726773948c07656967656e61699485948c066b7761726773947d948c046e616d65948c0d637261776c20656967656e6169948c126d6973666972655f67726163655f74696d65944d100e8c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d65946818430a07ea0b1c102e3006330194681586945294752e');
INSERT INTO public.apscheduler_jobs (id, next_run_time, job_state) VALUES ('retention', 1795819934.416355, '\x800595b8010000000000007d94288c0776657273696f6e944b018c026964948c09726574656e74696f6e948c0466756e63948c166d6f6e69746f722e6a6f62733a726574656e74696f6e948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086461746574696d65948c0874696d657a6f6e65949394680d8c0974696d6564656c74619493944b004b004b0087945294859452948c0a73746172745f6461746594680d8c086461746574696d65949394430a07ea0b1b16340e07dde8946815869452948c08656e645f64617465944e8c08696e74657276616c9468114b004d60544b00879452948c066a6974746572944d2c0175628c086578656375746f72948c0764656661756c74948c046172677394298c066b7761726773947d948c046e616d659468038c126d6973666972655f67726163655f74696d65944d100e8c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d65946818430a07ea0b1b16340e065a6394681586945294752e');
INSERT INTO public.apscheduler_jobs (id, next_run_time, job_state) VALUES ('probe:3600s', 1795802011.176201, '\x800595d3010000000000007d94288c0776657273696f6e944b018c026964948c0b70726f62653a3336303073948c0466756e63948c126d6f6e69746f722e6a6f62733a70726f6265948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086461746574696d65948c0874696d657a6f6e65949394680d8c0974696d6564656c74619493944b004b004b0087945294859452948c0a73746172745f6461746594680d8c086461746574696d65949394430a07ea0b1b11340e07598f946815869452948c08656e645f64617465944e8c08696e74657276616c9468114b004d100e4b00879452948c066a6974746572944bb475628c086578656375746f72948c0764656661756c74948c0461726773944d100e85948c066b7761726773947d948c046e616d65948c1970726f626520726f756e6420657665727920313a30303a3030948c126d6973666972655f67726163655f74696d65944d08078c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d65946818430a07ea0b1b11351f02b04994681586945294752e');
INSERT INTO public.apscheduler_jobs (id, next_run_time, job_state) VALUES ('alerts', 1795798369.538978, '\x800595be010000000000007d94288c0776657273696f6e944b018c026964948c06616c65727473948c0466756e63948c136d6f6e69746f722e6a6f62733a616c65727473948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086461746574696d65948c0874696d657a6f6e65949394680d8c0974696d6564656c74619493944b004b004b0087945294859452948c0a73746172745f6461746594680d8c086461746574696d65949394430a07ea0b1b10342c078858946815869452948c08656e645f64617465944e8c08696e74657276616c9468114b004b1e4b00879452948c066a6974746572944b0175628c086578656375746f72948c0764656661756c74948c046172677394298c066b7761726773947d948c046e616d65948c0e616c6572742064656c6976657279948c126d6973666972655f67726163655f74696d65944b0f8c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d65946818430a07ea0b1b10343108396294681586945294752e');
INSERT INTO public.apscheduler_jobs (id, next_run_time, job_state) VALUES ('rollup', 1795798379.416355, '\x800595af010000000000007d94288c0776657273696f6e944b018c026964948c06726f6c6c7570948c0466756e63948c136d6f6e69746f722e6a6f62733a726f6c6c7570948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086461746574696d65948c0874696d657a6f6e65949394680d8c0974696d6564656c74619493944b004b004b0087945294859452948c0a73746172745f6461746594680d8c086461746574696d65949394430a07ea0b1b10341d07b487946815869452948c08656e645f64617465944e8c08696e74657276616c9468114b004b0f4b00879452948c066a6974746572944b0075628c086578656375746f72948c0764656661756c74948c046172677394298c066b7761726773947d948c046e616d659468038c126d6973666972655f67726163655f74696d65944b078c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d65946818430a07ea0b1b10343b065a6394681586945294752e');


--
-- Data for Name: change; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (1, '2026-11-27 16:45:52.321937+00', 'parser_broken', 'eigenai', 2, NULL, NULL, NULL, NULL, NULL, 'model page layout changed: no price found', NULL, 'http://127.0.0.1:45753/broken-layout.html');
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (2, '2026-11-27 16:46:34.528605+00', 'price_up', 'eigenai', 6, 18, 'deepseek/deepseek-v3.1-terminus', 'EigenAI', 'input', '0.4', '0.45', 12.5, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (3, '2026-11-27 16:46:34.562799+00', 'price_down', 'openrouter', 5, 5, 'mistralai/mistral-nemo', 'Novita', 'input', '0.04', '0.02', -50, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (4, '2026-11-27 16:46:34.562799+00', 'context_changed', 'openrouter', 5, 8, 'openai/gpt-4o-mini', 'OpenAI', 'context_length', '128000', '200000', 56.25, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (5, '2026-11-27 16:46:34.562799+00', 'price_up', 'openrouter', 5, 14, 'deepseek/deepseek-v3.1-terminus', 'Novita', 'output', '1', '1.2', 20, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (6, '2026-11-27 16:46:34.562799+00', 'endpoint_removed', 'openrouter', 5, 13, 'deepseek/deepseek-chat-v3.1', 'SiliconFlow', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', NULL, NULL, 'siliconflow/fp8');
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (7, '2026-11-27 16:46:48.406273+00', 'price_down', 'eigenai', 8, 18, 'deepseek/deepseek-v3.1-terminus', 'EigenAI', 'output', '2', '1.8', -10, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (8, '2026-11-27 16:46:48.463159+00', 'new_model', 'openrouter', 7, NULL, 'google/gemma-4-31b-it:free', NULL, NULL, NULL, 'Google: Gemma 4 31B (free)', NULL, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (9, '2026-11-27 16:46:48.463159+00', 'price_down', 'openrouter', 7, 14, 'deepseek/deepseek-v3.1-terminus', 'Novita', 'output', '1.2', '1.1', -8.33, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (10, '2026-11-27 16:46:48.463159+00', 'parameters_changed', 'openrouter', 7, 16, 'deepseek/deepseek-v3.1-terminus', 'DeepInfra', 'parameters', 'seed', NULL, NULL, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (11, '2026-11-27 16:46:48.463159+00', 'new_endpoint', 'openrouter', 7, 19, 'google/gemma-4-31b-it:free', 'OpenRouter', NULL, NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', NULL, NULL);
INSERT INTO public.change (id, at, kind, source, run_id, endpoint_id, model, provider, field, old, new, percent, subject) VALUES (12, '2026-11-27 16:46:48.463159+00', 'new_endpoint', 'openrouter', 7, 20, 'google/gemma-4-31b-it:free', 'Google AI Studio', NULL, NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', NULL, 'google-ai-studio');


--
-- Data for Name: crawlproblem; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (1, 2, 'eigenai', '2026-11-27 16:45:52.321937+00', 'layout_changed', 'http://127.0.0.1:45753/broken-layout.html', 'model page layout changed: no price found', true);
INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (2, 3, 'openrouter', '2026-11-27 16:46:12.532647+00', 'connect', 'http://127.0.0.1:45753/api/v1/models?output_modalities=all', 'model list (/models): cannot connect (Connection was refused by other side: 111: Connection refused.)', false);
INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (3, 3, 'openrouter', '2026-11-27 16:46:12.532647+00', 'connect', 'http://127.0.0.1:45753/api/v1/providers', 'provider list (/providers): cannot connect (Connection was refused by other side: 111: Connection refused.)', false);
INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (4, 4, 'eigenai', '2026-11-27 16:46:13.434528+00', 'connect', 'http://127.0.0.1:45753/deepseek.html', 'model page: cannot connect (Connection was refused by other side: 111: Connection refused.)', false);
INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (5, 4, 'eigenai', '2026-11-27 16:46:13.434528+00', 'connect', 'http://127.0.0.1:45753/broken-layout.html', 'model page: cannot connect (Connection was refused by other side: 111: Connection refused.)', false);
INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (6, 6, 'eigenai', '2026-11-27 16:46:34.528605+00', 'layout_changed', 'http://127.0.0.1:45753/broken-layout.html', 'model page layout changed: no price found', true);
INSERT INTO public.crawlproblem (id, run_id, source, at, kind, url, message, parser) VALUES (7, 8, 'eigenai', '2026-11-27 16:46:48.406273+00', 'layout_changed', 'http://127.0.0.1:45753/broken-layout.html', 'model page layout changed: no price found', true);


--
-- Data for Name: crawlrun; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (1, 'openrouter', '2026-11-27 16:45:51.999343+00', '2026-11-27 16:45:52.266049+00', 'ok', true, 6, 41, 0, 17, 47, NULL);
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (2, 'eigenai', '2026-11-27 16:45:52.071062+00', '2026-11-27 16:45:52.321937+00', 'partial', false, 2, 1, 1, 1, 3, 'layout_changed: model page layout changed: no price found');
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (3, 'openrouter', '2026-11-27 16:46:11.554133+00', '2026-11-27 16:46:12.532647+00', 'failed', false, 2, 0, 2, 0, 0, 'nothing could be read: model list (/models): cannot connect (Connection was refused by other side: 111: Connection refused.)');
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (4, 'eigenai', '2026-11-27 16:46:11.578331+00', '2026-11-27 16:46:13.434528+00', 'failed', false, 2, 0, 2, 0, 0, 'nothing could be read: model page: cannot connect (Connection was refused by other side: 111: Connection refused.)');
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (6, 'eigenai', '2026-11-27 16:46:34.457984+00', '2026-11-27 16:46:34.528605+00', 'partial', false, 2, 1, 1, 1, 2, 'layout_changed: model page layout changed: no price found');
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (5, 'openrouter', '2026-11-27 16:46:34.409702+00', '2026-11-27 16:46:34.562799+00', 'ok', true, 6, 40, 0, 16, 7, NULL);
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (8, 'eigenai', '2026-11-27 16:46:48.350651+00', '2026-11-27 16:46:48.406273+00', 'partial', false, 2, 1, 1, 1, 2, 'layout_changed: model page layout changed: no price found');
INSERT INTO public.crawlrun (id, source, started, finished, status, complete, pages, items, problems, endpoints_seen, rows_written, message) VALUES (7, 'openrouter', '2026-11-27 16:46:48.322095+00', '2026-11-27 16:46:48.463159+00', 'ok', true, 7, 43, 0, 18, 12, NULL);


--
-- Data for Name: endpoint; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('EigenAI|deepseek-v31-terminus||eigenai', 'eigenai', 'deepseek-v31-terminus', 'https://app.eigenai.com/api/v1/generate', 'eigenai', NULL, 'Deepseek V3.1 Chat', 'http://127.0.0.1:45753/deepseek.html', NULL, NULL, NULL, NULL, 'credits', NULL, 18, 22, 1, '["chat_template_kwargs.thinking", "max_tokens", "reasoning_effort", "separate_reasoning", "temperature", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.321937+00', '2026-11-27 16:46:48.406273+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('OpenRouter|deepseek/deepseek-v3.1-terminus||openai', 'openrouter', 'deepseek/deepseek-v3.1-terminus', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', NULL, 'DeepSeek: DeepSeek V3.1 Terminus', NULL, 163840, 32768, NULL, NULL, 'USD', '2025-09-22', 1, 21, 1, '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('SiliconFlow|deepseek/deepseek-chat-v3.1|siliconflow/fp8|openai', 'openrouter', 'deepseek/deepseek-chat-v3.1', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'siliconflow/fp8', 'SiliconFlow | deepseek/deepseek-chat-v3.1', NULL, 163840, 163840, NULL, 'fp8', 'USD', '2025-08-21', 13, 4, 2, '["frequency_penalty", "include_reasoning", "max_tokens", "reasoning", "response_format", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:34.562799+00');
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('OpenRouter|deepseek/deepseek-chat-v3.1||openai', 'openrouter', 'deepseek/deepseek-chat-v3.1', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', NULL, 'DeepSeek: DeepSeek V3.1', NULL, 163840, 163840, NULL, NULL, 'USD', '2025-08-21', 2, 21, 2, '["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('OpenRouter|openai/gpt-4o-mini||openai', 'openrouter', 'openai/gpt-4o-mini', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', NULL, 'OpenAI: GPT-4o-mini', NULL, 128000, 16384, NULL, NULL, 'USD', '2024-07-18', 3, 21, 3, '["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "web_search_options"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('OpenRouter|mistralai/mistral-nemo||openai', 'openrouter', 'mistralai/mistral-nemo', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', NULL, 'Mistral: Mistral Nemo', NULL, 131072, 16384, NULL, NULL, 'USD', '2024-07-19', 4, 21, 4, '["frequency_penalty", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{"temperature": 0.3}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('Novita|mistralai/mistral-nemo|novita/fp8|openai', 'openrouter', 'mistralai/mistral-nemo', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'novita/fp8', 'Novita | mistralai/mistral-nemo', NULL, 60288, 16000, NULL, 'fp8', 'USD', '2024-07-19', 5, 2, 4, '["frequency_penalty", "max_tokens", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('Mistral|mistralai/mistral-nemo|mistral|openai', 'openrouter', 'mistralai/mistral-nemo', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'mistral', 'Mistral | mistralai/mistral-nemo', NULL, 131072, NULL, NULL, 'unknown', 'USD', '2024-07-19', 6, 18, 4, '["frequency_penalty", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('DeepInfra|mistralai/mistral-nemo|deepinfra/fp8|openai', 'openrouter', 'mistralai/mistral-nemo', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'deepinfra/fp8', 'DeepInfra | mistralai/mistral-nemo', NULL, 131072, 16384, NULL, 'fp8', 'USD', '2024-07-19', 7, 1, 4, '["frequency_penalty", "logit_bias", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "temperature", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('Novita|deepseek/deepseek-chat-v3.1|novita/fp8|openai', 'openrouter', 'deepseek/deepseek-chat-v3.1', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'novita/fp8', 'Novita | deepseek/deepseek-chat-v3.1', NULL, 131072, 32768, NULL, 'fp8', 'USD', '2025-08-21', 9, 2, 2, '["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('Google|deepseek/deepseek-chat-v3.1|google-vertex/us-west2|openai', 'openrouter', 'deepseek/deepseek-chat-v3.1', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'google-vertex/us-west2', 'Google | deepseek/deepseek-chat-v3.1', NULL, 163840, 32768, NULL, 'unknown', 'USD', '2025-08-21', 10, 13, 2, '["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('AtlasCloud|deepseek/deepseek-chat-v3.1|atlas-cloud/fp8|openai', 'openrouter', 'deepseek/deepseek-chat-v3.1', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'atlas-cloud/fp8', 'AtlasCloud | deepseek/deepseek-chat-v3.1', NULL, 131072, 65536, NULL, 'fp8', 'USD', '2025-08-21', 11, 3, 2, '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('DeepInfra|deepseek/deepseek-chat-v3.1|deepinfra/fp4|openai', 'openrouter', 'deepseek/deepseek-chat-v3.1', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'deepinfra/fp4', 'DeepInfra | deepseek/deepseek-chat-v3.1', NULL, 163840, 32768, NULL, 'fp4', 'USD', '2025-08-21', 12, 1, 2, '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('Novita|deepseek/deepseek-v3.1-terminus|novita/fp8|openai', 'openrouter', 'deepseek/deepseek-v3.1-terminus', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'novita/fp8', 'Novita | deepseek/deepseek-v3.1-terminus', NULL, 131072, 32768, NULL, 'fp8', 'USD', '2025-09-22', 14, 2, 1, '["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('SiliconFlow|deepseek/deepseek-v3.1-terminus|siliconflow/fp8|openai', 'openrouter', 'deepseek/deepseek-v3.1-terminus', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'siliconflow/fp8', 'SiliconFlow | deepseek/deepseek-v3.1-terminus', NULL, 163840, 163840, NULL, 'fp8', 'USD', '2025-09-22', 17, 4, 1, '["frequency_penalty", "include_reasoning", "max_tokens", "reasoning", "response_format", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('AtlasCloud|deepseek/deepseek-v3.1-terminus|atlas-cloud/fp8|openai', 'openrouter', 'deepseek/deepseek-v3.1-terminus', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'atlas-cloud/fp8', 'AtlasCloud | deepseek/deepseek-v3.1-terminus', NULL, 131072, 65536, NULL, 'fp8', 'USD', '2025-09-22', 15, 3, 1, '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('OpenAI|openai/gpt-4o-mini|openai|openai', 'openrouter', 'openai/gpt-4o-mini', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'openai', 'OpenAI | openai/gpt-4o-mini', NULL, 200000, 16384, NULL, 'unknown', 'USD', '2024-07-18', 8, 11, 3, '["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "web_search_options"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('DeepInfra|deepseek/deepseek-v3.1-terminus|deepinfra/fp4|openai', 'openrouter', 'deepseek/deepseek-v3.1-terminus', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'deepinfra/fp4', 'DeepInfra | deepseek/deepseek-v3.1-terminus', NULL, 163840, 32768, NULL, 'fp4', 'USD', '2025-09-22', 16, 1, 1, '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', '{}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('OpenRouter|google/gemma-4-31b-it:free||openai', 'openrouter', 'google/gemma-4-31b-it:free', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', NULL, 'Google: Gemma 4 31B (free)', NULL, 262144, 32768, NULL, NULL, 'USD', '2026-04-02', 19, 21, 5, '["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "temperature", "tool_choice", "tools", "top_p"]', '{"temperature": 1, "top_p": 0.95, "top_k": 64}', '2026-11-27 16:46:48.463159+00', '2026-11-27 16:46:48.463159+00', NULL);
INSERT INTO public.endpoint (key, source, provider_model_id, url, protocol, tag, name, page_url, context_length, max_output_tokens, max_prompt_tokens, quantization, currency, released, id, provider_id, model_id, parameters, parameter_defaults, first_seen, last_seen, removed_at) VALUES ('Google AI Studio|google/gemma-4-31b-it:free|google-ai-studio|openai', 'openrouter', 'google/gemma-4-31b-it:free', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai', 'google-ai-studio', 'Google AI Studio | google/gemma-4-31b-it:free', NULL, 262144, 32768, NULL, 'unknown', 'USD', '2026-04-02', 20, 14, 5, '["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "temperature", "tool_choice", "tools", "top_p"]', '{}', '2026-11-27 16:46:48.463159+00', '2026-11-27 16:46:48.463159+00', NULL);


--
-- Data for Name: endpointrevision; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (1, 1, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 32768, NULL, NULL, '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (2, 2, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 163840, NULL, NULL, '["frequency_penalty", "include_reasoning", "logit_bias", "logprobs", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_logprobs", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (3, 3, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 128000, 16384, NULL, NULL, '["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "web_search_options"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (4, 4, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, 16384, NULL, NULL, '["frequency_penalty", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (5, 5, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 60288, 16000, NULL, 'fp8', '["frequency_penalty", "max_tokens", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (6, 6, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, NULL, NULL, 'unknown', '["frequency_penalty", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (7, 7, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, 16384, NULL, 'fp8', '["frequency_penalty", "logit_bias", "max_tokens", "min_p", "presence_penalty", "repetition_penalty", "response_format", "seed", "stop", "temperature", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (9, 9, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, 32768, NULL, 'fp8', '["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (10, 10, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 32768, NULL, 'unknown', '["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (11, 11, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, 65536, NULL, 'fp8', '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (12, 12, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 32768, NULL, 'fp4', '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (13, 13, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 163840, NULL, 'fp8', '["frequency_penalty", "include_reasoning", "max_tokens", "reasoning", "response_format", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (14, 14, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, 32768, NULL, 'fp8', '["frequency_penalty", "include_reasoning", "max_tokens", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (15, 15, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 131072, 65536, NULL, 'fp8', '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (17, 17, '2026-11-27 16:45:52.266049+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 163840, NULL, 'fp8', '["frequency_penalty", "include_reasoning", "max_tokens", "reasoning", "response_format", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (18, 18, '2026-11-27 16:45:52.321937+00', NULL, 'https://app.eigenai.com/api/v1/generate', NULL, NULL, NULL, NULL, '["chat_template_kwargs.thinking", "max_tokens", "reasoning_effort", "separate_reasoning", "temperature", "top_k", "top_p"]', 2);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (8, 8, '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:34.562799+00', 'http://127.0.0.1:45753/api/v1/chat/completions', 128000, 16384, NULL, 'unknown', '["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "web_search_options"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (19, 8, '2026-11-27 16:46:34.562799+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 200000, 16384, NULL, 'unknown', '["frequency_penalty", "logit_bias", "logprobs", "max_tokens", "presence_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "web_search_options"]', 5);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (16, 16, '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 32768, NULL, 'fp4', '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "seed", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 1);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (20, 16, '2026-11-27 16:46:48.463159+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 163840, 32768, NULL, 'fp4', '["frequency_penalty", "include_reasoning", "logit_bias", "max_tokens", "min_p", "presence_penalty", "reasoning", "repetition_penalty", "response_format", "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_k", "top_p"]', 7);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (21, 19, '2026-11-27 16:46:48.463159+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 262144, 32768, NULL, NULL, '["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "temperature", "tool_choice", "tools", "top_p"]', 7);
INSERT INTO public.endpointrevision (id, endpoint_id, valid_from, valid_to, url, context_length, max_output_tokens, max_prompt_tokens, quantization, parameters, run_id) VALUES (22, 20, '2026-11-27 16:46:48.463159+00', NULL, 'http://127.0.0.1:45753/api/v1/chat/completions', 262144, 32768, NULL, 'unknown', '["include_reasoning", "max_tokens", "reasoning", "response_format", "seed", "temperature", "tool_choice", "tools", "top_p"]', 7);


--
-- Data for Name: heartbeat; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.heartbeat (name, at, started, pid) VALUES ('scheduler', '2026-11-27 16:52:44.537897+00', '2026-11-27 16:52:13.809648+00', 20030);


--
-- Data for Name: incident; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.incident (id, target_id, kind, started, ended, cause, message, failures) VALUES (1, 1, 'down', '2026-11-27 16:46:16.827825+00', '2026-11-27 16:46:38.384327+00', 'connect', 'connection failed before a response (ConnectError)', 3);
INSERT INTO public.incident (id, target_id, kind, started, ended, cause, message, failures) VALUES (2, 2, 'down', '2026-11-27 16:46:16.828619+00', '2026-11-27 16:46:38.38505+00', 'connect', 'connection failed before a response (ConnectError)', 3);
INSERT INTO public.incident (id, target_id, kind, started, ended, cause, message, failures) VALUES (3, 3, 'down', '2026-11-27 16:46:16.830787+00', '2026-11-27 16:46:38.387027+00', 'connect', 'connection failed before a response (ConnectError)', 3);
INSERT INTO public.incident (id, target_id, kind, started, ended, cause, message, failures) VALUES (4, 4, 'down', '2026-11-27 16:46:16.831111+00', '2026-11-27 16:46:38.387354+00', 'connect', 'connection failed before a response (ConnectError)', 3);
INSERT INTO public.incident (id, target_id, kind, started, ended, cause, message, failures) VALUES (5, 2, 'degraded', '2026-11-27 16:46:38.38505+00', NULL, 'ttft p90 above 100 ms', 'ttft p90 202 ms over the last 3 ok samples', 0);


--
-- Data for Name: model; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.model (canonical_id, name, description, context_length, released, hugging_face_id, id, input_modalities, output_modalities, meta, first_seen, last_seen) VALUES ('deepseek/deepseek-chat-v3.1', 'DeepSeek: DeepSeek V3.1', 'DeepSeek V3.1, a hybrid model that can answer with or without a thinking phase.', 163840, '2025-08-21', 'deepseek-ai/DeepSeek-V3.1', 2, '["text"]', '["text"]', '{"canonical_slug": "deepseek/deepseek-chat-v3.1", "top_provider": {"context_length": 163840, "max_completion_tokens": 163840, "is_moderated": false}, "default_parameters": {}, "tokenizer": "DeepSeek", "instruct_type": "deepseek-v3.1", "modality": "text->text"}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00');
INSERT INTO public.model (canonical_id, name, description, context_length, released, hugging_face_id, id, input_modalities, output_modalities, meta, first_seen, last_seen) VALUES ('openai/gpt-4o-mini', 'OpenAI: GPT-4o-mini', 'OpenAI''s small, inexpensive GPT-4o model with image input.', 128000, '2024-07-18', NULL, 3, '["text", "image", "file"]', '["text"]', '{"canonical_slug": "openai/gpt-4o-mini", "top_provider": {"context_length": 128000, "max_completion_tokens": 16384, "is_moderated": true}, "default_parameters": {}, "tokenizer": "GPT", "modality": "text+image->text"}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00');
INSERT INTO public.model (canonical_id, name, description, context_length, released, hugging_face_id, id, input_modalities, output_modalities, meta, first_seen, last_seen) VALUES ('mistralai/mistral-nemo', 'Mistral: Mistral Nemo', 'Mistral NeMo, a 12B multilingual model built with NVIDIA.', 131072, '2024-07-19', 'mistralai/Mistral-Nemo-Instruct-2407', 4, '["text"]', '["text"]', '{"canonical_slug": "mistralai/mistral-nemo", "top_provider": {"context_length": 131072, "max_completion_tokens": 16384, "is_moderated": false}, "default_parameters": {"temperature": 0.3}, "tokenizer": "Mistral", "instruct_type": "mistral", "modality": "text->text"}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00');
INSERT INTO public.model (canonical_id, name, description, context_length, released, hugging_face_id, id, input_modalities, output_modalities, meta, first_seen, last_seen) VALUES ('deepseek/deepseek-v3.1-terminus', 'DeepSeek: DeepSeek V3.1 Terminus', 'Refresh of DeepSeek V3.1 with steadier language output and stronger agent and tool use.', 163840, '2025-09-22', 'deepseek-ai/DeepSeek-V3.1-Terminus', 1, '["text"]', '["text"]', '{"canonical_slug": "deepseek/deepseek-v3.1-terminus", "knowledge_cutoff": "2025-03-31", "links": {"details": "/api/v1/models/deepseek/deepseek-v3.1-terminus/endpoints"}, "top_provider": {"context_length": 163840, "max_completion_tokens": 32768, "is_moderated": false}, "default_parameters": {"temperature": null, "top_p": null, "frequency_penalty": null}, "tokenizer": "DeepSeek", "instruct_type": "deepseek-v3.1", "modality": "text->text"}', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00');
INSERT INTO public.model (canonical_id, name, description, context_length, released, hugging_face_id, id, input_modalities, output_modalities, meta, first_seen, last_seen) VALUES ('google/gemma-4-31b-it:free', 'Google: Gemma 4 31B (free)', 'Free, rate-limited route to Gemma 4 31B.', 262144, '2026-04-02', 'google/gemma-4-31B-it', 5, '["image", "text", "video"]', '["text"]', '{"canonical_slug": "google/gemma-4-31b-it-20260402", "links": {"details": "/api/v1/models/google/gemma-4-31b-it-20260402/endpoints"}, "top_provider": {"context_length": 262144, "max_completion_tokens": 32768, "is_moderated": false}, "default_parameters": {"temperature": 1, "top_p": 0.95, "top_k": 64, "frequency_penalty": null, "presence_penalty": null, "repetition_penalty": null}, "tokenizer": "Gemma", "modality": "text+image+video->text"}', '2026-11-27 16:46:48.463159+00', '2026-11-27 16:46:48.463159+00');


--
-- Data for Name: parserstate; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.parserstate (id, source, subject, broken_since, message) VALUES (1, 'eigenai', 'http://127.0.0.1:45753/broken-layout.html', '2026-11-27 16:45:52.321937+00', 'model page layout changed: no price found');


--
-- Data for Name: priceperiod; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (1, 1, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.27, 0.95, 0.13, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (2, 2, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.2, 0.8, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (3, 3, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.15, 0.6, 0.075, NULL, 0, 0.000217, 0, 0, NULL, NULL, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (4, 4, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.02, 0.04, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (6, 6, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.15, 0.15, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (7, 7, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.02, 0.04, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (8, 8, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.15, 0.6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (9, 9, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.27, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (10, 10, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.6, 1.7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (11, 11, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.3, 0.95, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (12, 12, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.21, 0.79, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (13, 13, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.27, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (15, 15, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.3, 0.95, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (16, 16, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.27, 0.95, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (17, 17, '2026-11-27 16:45:52.266049+00', NULL, 'USD', 0.27, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (18, 18, '2026-11-27 16:45:52.321937+00', '2026-11-27 16:46:34.528605+00', 'credits', 0.4, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (5, 5, '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:34.562799+00', 'USD', 0.04, 0.17, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (14, 14, '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:34.562799+00', 'USD', 0.27, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (20, 5, '2026-11-27 16:46:34.562799+00', NULL, 'USD', 0.02, 0.17, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 5);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (19, 18, '2026-11-27 16:46:34.528605+00', '2026-11-27 16:46:48.406273+00', 'credits', 0.45, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 6);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (22, 18, '2026-11-27 16:46:48.406273+00', NULL, 'credits', 0.45, 1.8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 8);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (21, 14, '2026-11-27 16:46:34.562799+00', '2026-11-27 16:46:48.463159+00', 'USD', 0.27, 1.2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 5);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (23, 14, '2026-11-27 16:46:48.463159+00', NULL, 'USD', 0.27, 1.1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 7);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (24, 19, '2026-11-27 16:46:48.463159+00', NULL, 'USD', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 7);
INSERT INTO public.priceperiod (id, endpoint_id, valid_from, valid_to, currency, input, output, cache_read, cache_write, request, image, web_search, internal_reasoning, audio, discount, overrides, run_id) VALUES (25, 20, '2026-11-27 16:46:48.463159+00', NULL, 'USD', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 7);


--
-- Data for Name: proberollup; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (1, 'hour', '2026-11-27 16:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1009.5258140001988, 201.25433700013673, 203.25175300013143, '\x3805', 5, 1361.558042000297, 271.21069200006787, 274.3098800001462, '\x3b05', 5, 497.1359140331657);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (2, 'hour', '2026-11-27 16:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1012.1977579999566, 200.93970700008867, 204.12682199980736, '\x3805', 5, 1365.4593360001854, 270.61148100005994, 275.76348799993866, '\x3b05', 5, 495.4770879576092);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (3, 'hour', '2026-11-27 16:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 0, 0);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (4, 'hour', '2026-11-27 16:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1010.7256460000826, 200.7957369999076, 204.0919359999407, '\x3805', 5, 1364.3617850000282, 270.7475270001396, 275.4188090000298, '\x3b05', 5, 494.9032774641829);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (5, 'hour', '2026-11-27 16:00:00+00', 8, 0, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (6, 'hour', '2026-11-27 16:00:00+00', 8, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (1, 'day', '2026-11-27 00:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1009.5258140001988, 201.25433700013673, 203.25175300013143, '\x3805', 5, 1361.558042000297, 271.21069200006787, 274.3098800001462, '\x3b05', 5, 497.1359140331657);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (2, 'day', '2026-11-27 00:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1012.1977579999566, 200.93970700008867, 204.12682199980736, '\x3805', 5, 1365.4593360001854, 270.61148100005994, 275.76348799993866, '\x3b05', 5, 495.4770879576092);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (3, 'day', '2026-11-27 00:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 0, 0);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (4, 'day', '2026-11-27 00:00:00+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1010.7256460000826, 200.7957369999076, 204.0919359999407, '\x3805', 5, 1364.3617850000282, 270.7475270001396, 275.4188090000298, '\x3b05', 5, 494.9032774641829);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (5, 'day', '2026-11-27 00:00:00+00', 8, 0, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.proberollup (target_id, period, start, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (6, 'day', '2026-11-27 00:00:00+00', 8, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);


--
-- Data for Name: probesample; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (1, 1, '2026-11-27 16:45:57.890416+00', true, 200, NULL, 2.4048279999533406, 201.97397700007969, 272.7887170001395, 8, 98.8494768178784, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (2, 2, '2026-11-27 16:45:57.891148+00', true, 200, NULL, 1.7762559998573124, 204.12682199980736, 275.76348799993866, 8, 97.71532360240174, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (3, 3, '2026-11-27 16:45:57.891498+00', true, 200, NULL, 1.4988269999776094, 351.79393299995354, 351.79393299995354, 16, NULL, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (4, 4, '2026-11-27 16:45:57.891774+00', true, 200, NULL, 1.2946350000220264, 204.0919359999407, 275.4188090000298, 8, 98.1397291872203, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (5, 5, '2026-11-27 16:45:57.892032+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (6, 6, '2026-11-27 16:45:57.892077+00', true, 200, NULL, 1.1219689999961702, NULL, 8.345381000026464, NULL, NULL, true, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (7, 1, '2026-11-27 16:46:03.305495+00', true, 200, NULL, 4.851516000144329, 201.61121499995716, 271.6735679998692, 8, 99.91100356005441, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (8, 2, '2026-11-27 16:46:03.30763+00', true, 200, NULL, 3.7585109998872213, 200.93970700008867, 271.2867570000981, 8, 99.50666019398204, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (9, 3, '2026-11-27 16:46:03.312474+00', true, 200, NULL, 2.916014999982508, 351.25104000007923, 351.25104000007923, 16, NULL, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (10, 4, '2026-11-27 16:46:03.313503+00', true, 200, NULL, 2.3286880000341625, 201.1498220001613, 270.7475270001396, 8, 100.57802911751446, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (11, 5, '2026-11-27 16:46:03.314372+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (12, 6, '2026-11-27 16:46:03.314483+00', true, 200, NULL, 1.832649000107267, NULL, 4.573387999926126, NULL, NULL, true, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (13, 1, '2026-11-27 16:46:16.827825+00', false, NULL, 'connect', NULL, NULL, 4.608419999840407, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (14, 2, '2026-11-27 16:46:16.828619+00', false, NULL, 'connect', NULL, NULL, 3.971174000071187, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (15, 3, '2026-11-27 16:46:16.830787+00', false, NULL, 'connect', NULL, NULL, 1.8845530000817234, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (16, 4, '2026-11-27 16:46:16.831111+00', false, NULL, 'connect', NULL, NULL, 1.65764999997009, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (17, 5, '2026-11-27 16:46:16.831376+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (18, 6, '2026-11-27 16:46:16.831422+00', false, NULL, 'connect', NULL, NULL, 1.4178450001054443, NULL, NULL, true, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (19, 1, '2026-11-27 16:46:20.474021+00', false, NULL, 'connect', NULL, NULL, 4.588538000007247, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (20, 2, '2026-11-27 16:46:20.474759+00', false, NULL, 'connect', NULL, NULL, 4.008205999980419, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (21, 3, '2026-11-27 16:46:20.476952+00', false, NULL, 'connect', NULL, NULL, 1.9039700000575976, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (22, 4, '2026-11-27 16:46:20.477269+00', false, NULL, 'connect', NULL, NULL, 1.6775270000835008, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (23, 5, '2026-11-27 16:46:20.477573+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (24, 6, '2026-11-27 16:46:20.477618+00', false, NULL, 'connect', NULL, NULL, 1.4061580000088725, NULL, NULL, true, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (25, 1, '2026-11-27 16:46:24.93156+00', false, NULL, 'connect', NULL, NULL, 4.499517000112974, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (26, 2, '2026-11-27 16:46:24.932307+00', false, NULL, 'connect', NULL, NULL, 3.904374000057942, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (27, 3, '2026-11-27 16:46:24.934408+00', false, NULL, 'connect', NULL, NULL, 1.8772060000173951, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (28, 4, '2026-11-27 16:46:24.93477+00', false, NULL, 'connect', NULL, NULL, 1.603852000016559, NULL, NULL, false, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (29, 5, '2026-11-27 16:46:24.935012+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (30, 6, '2026-11-27 16:46:24.93506+00', false, NULL, 'connect', NULL, NULL, 1.3821640000060142, NULL, NULL, true, 'connection failed before a response (ConnectError)');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (31, 1, '2026-11-27 16:46:38.384327+00', true, 200, NULL, 2.0624339999812946, 201.25433700013673, 271.57518500007427, 8, 99.54373701531895, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (32, 2, '2026-11-27 16:46:38.38505+00', true, 200, NULL, 1.5203069999643049, 201.68375900016144, 270.61148100005994, 8, 101.55565564766972, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (33, 3, '2026-11-27 16:46:38.387027+00', true, 200, NULL, 1.2633029998596612, 351.0998350000136, 351.0998350000136, 16, NULL, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (34, 4, '2026-11-27 16:46:38.387354+00', true, 200, NULL, 1.0433390000343934, 200.7957369999076, 271.16419699996186, 8, 99.47638473251514, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (35, 5, '2026-11-27 16:46:38.387615+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (36, 6, '2026-11-27 16:46:38.38766+00', true, 200, NULL, 0.8273969999663677, NULL, 2.559512000061659, NULL, NULL, true, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (37, 1, '2026-11-27 16:46:42.246436+00', true, 200, NULL, 2.868793000061487, 201.4345319998938, 271.21069200006787, 8, 100.32079724625916, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (38, 2, '2026-11-27 16:46:42.247334+00', true, 200, NULL, 2.1677110000837274, 202.49674299998333, 273.4844490000796, 8, 98.60862386496197, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (39, 3, '2026-11-27 16:46:42.250141+00', true, 200, NULL, 1.7729570001847605, 352.93018800007303, 352.93018800007303, 16, NULL, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (40, 4, '2026-11-27 16:46:42.250585+00', true, 200, NULL, 1.4641210000263527, 202.0259769999484, 273.0130159998225, 8, 98.60955039993162, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (41, 5, '2026-11-27 16:46:42.250949+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (42, 6, '2026-11-27 16:46:42.250998+00', true, 200, NULL, 1.134460000002946, NULL, 4.005322000011802, NULL, NULL, true, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (43, 1, '2026-11-27 16:46:52.609552+00', true, 200, NULL, 1.0468959999343497, 203.25175300013143, 274.3098800001462, 8, 98.51089939365475, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (44, 2, '2026-11-27 16:46:52.610593+00', true, 200, NULL, 0.8969069999693602, 202.9507269999158, 274.31316100000913, 8, 98.09082464859374, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (45, 3, '2026-11-27 16:46:52.612657+00', true, 200, NULL, 0.8105460001388565, 354.52983200002564, 354.52983200002564, 16, NULL, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (46, 4, '2026-11-27 16:46:52.61303+00', true, 200, NULL, 0.7433690000198112, 202.66217400012465, 274.01823600007447, 8, 98.09958402700143, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (47, 5, '2026-11-27 16:46:52.613372+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (48, 6, '2026-11-27 16:46:52.613427+00', true, 200, NULL, 0.698476000025039, NULL, 4.3125900001541595, NULL, NULL, true, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (49, 1, '2026-11-27 16:52:17.174764+00', true, 200, NULL, 1.5825989999029844, 205.6910500000413, 274.79231200004506, 8, 101.30061011041474, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (50, 2, '2026-11-27 16:52:17.175973+00', true, 200, NULL, 1.349393000054988, 205.31212300011248, 274.4263540000702, 8, 101.2816014693744, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (51, 3, '2026-11-27 16:52:17.176557+00', true, 200, NULL, 1.284272000020792, 353.9080139998987, 353.9080139998987, 16, NULL, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (52, 4, '2026-11-27 16:52:17.177003+00', true, 200, NULL, 1.1927979999200033, 204.89622800005236, 274.0234739999323, 8, 101.26253257669423, false, NULL);
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (53, 5, '2026-11-27 16:52:17.181614+00', false, NULL, 'client_error', NULL, NULL, NULL, NULL, NULL, false, 'environment variable MW_V010_UNSET_KEY is not set; no request made');
INSERT INTO public.probesample (id, target_id, at, ok, status, error_class, connect_ms, ttft_ms, total_ms, output_tokens, tokens_per_s, in_maintenance, message) VALUES (54, 6, '2026-11-27 16:52:17.181701+00', true, 200, NULL, 1.0807539999859728, NULL, 12.395130999948378, NULL, NULL, true, NULL);


--
-- Data for Name: probetarget; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.probetarget (id, name, protocol, url, model, provider_tag, endpoint_id, status, status_since, fail_streak, ok_streak, streak_since, recent_ttft_ms, last_sample_at, rolled_until, first_seen) VALUES (4, 'eigenai-deepseek-v3.1', 'eigenai', 'http://127.0.0.1:45753/api/v1/generate/stream', 'deepseek-v31-terminus', NULL, 18, 'up', '2026-11-27 16:46:38.387354+00', 0, 4, '2026-11-27 16:46:38.387354+00', '[202.0259769999484, 202.66217400012465, 204.89622800005236]', '2026-11-27 16:52:17.177003+00', '2026-11-27 16:47:44.425965+00', '2026-11-27 16:45:57.775444+00');
INSERT INTO public.probetarget (id, name, protocol, url, model, provider_tag, endpoint_id, status, status_since, fail_streak, ok_streak, streak_since, recent_ttft_ms, last_sample_at, rolled_until, first_seen) VALUES (5, 'keyless', 'openai', 'http://127.0.0.1:45753/api/v1/chat/completions', 'mistralai/mistral-nemo', NULL, 4, 'unknown', NULL, 0, 0, NULL, '[]', '2026-11-27 16:52:17.181614+00', '2026-11-27 16:47:44.425965+00', '2026-11-27 16:45:57.775444+00');
INSERT INTO public.probetarget (id, name, protocol, url, model, provider_tag, endpoint_id, status, status_since, fail_streak, ok_streak, streak_since, recent_ttft_ms, last_sample_at, rolled_until, first_seen) VALUES (6, 'replica-health', 'http', 'http://127.0.0.1:45753/healthz', NULL, NULL, NULL, 'unknown', NULL, 0, 0, NULL, '[]', '2026-11-27 16:52:17.181701+00', '2026-11-27 16:47:44.425965+00', '2026-11-27 16:45:57.775444+00');
INSERT INTO public.probetarget (id, name, protocol, url, model, provider_tag, endpoint_id, status, status_since, fail_streak, ok_streak, streak_since, recent_ttft_ms, last_sample_at, rolled_until, first_seen) VALUES (1, 'novita-deepseek-v3.1', 'openai', 'http://127.0.0.1:45753/api/v1/chat/completions', 'deepseek/deepseek-v3.1-terminus', 'novita/fp8', 14, 'up', '2026-11-27 16:46:38.384327+00', 0, 4, '2026-11-27 16:46:38.384327+00', '[201.4345319998938, 203.25175300013143, 205.6910500000413]', '2026-11-27 16:52:17.174764+00', '2026-11-27 16:47:44.425965+00', '2026-11-27 16:45:57.775444+00');
INSERT INTO public.probetarget (id, name, protocol, url, model, provider_tag, endpoint_id, status, status_since, fail_streak, ok_streak, streak_since, recent_ttft_ms, last_sample_at, rolled_until, first_seen) VALUES (2, 'deepinfra-deepseek-v3.1', 'openai', 'http://127.0.0.1:45753/api/v1/chat/completions', 'deepseek/deepseek-v3.1-terminus', 'deepinfra/fp4', 16, 'degraded', '2026-11-27 16:46:38.38505+00', 0, 4, '2026-11-27 16:46:38.38505+00', '[202.49674299998333, 202.9507269999158, 205.31212300011248]', '2026-11-27 16:52:17.175973+00', '2026-11-27 16:47:44.425965+00', '2026-11-27 16:45:57.775444+00');
INSERT INTO public.probetarget (id, name, protocol, url, model, provider_tag, endpoint_id, status, status_since, fail_streak, ok_streak, streak_since, recent_ttft_ms, last_sample_at, rolled_until, first_seen) VALUES (3, 'openai-gpt-4o-mini', 'openai', 'http://127.0.0.1:45753/api/v1/chat/completions', 'openai/gpt-4o-mini', NULL, 3, 'up', '2026-11-27 16:46:38.387027+00', 0, 4, '2026-11-27 16:46:38.387027+00', '[352.93018800007303, 354.52983200002564, 353.9080139998987]', '2026-11-27 16:52:17.176557+00', '2026-11-27 16:47:44.425965+00', '2026-11-27 16:45:57.775444+00');


--
-- Data for Name: probewindow; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (4, '1d', '2026-11-26 16:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1010.7256460000826, 200.7957369999076, 204.0919359999407, '\x3805', 5, 1364.3617850000282, 270.7475270001396, 275.4188090000298, NULL, 5, 494.9032774641829);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (5, '1d', '2026-11-26 16:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 0, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (6, '1d', '2026-11-26 16:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (1, '1d', '2026-11-26 16:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1009.5258140001988, 201.25433700013673, 203.25175300013143, '\x3805', 5, 1361.558042000297, 271.21069200006787, 274.3098800001462, NULL, 5, 497.1359140331657);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (2, '1d', '2026-11-26 16:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1012.1977579999566, 200.93970700008867, 204.12682199980736, '\x3805', 5, 1365.4593360001854, 270.61148100005994, 275.76348799993866, NULL, 5, 495.4770879576092);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (3, '1d', '2026-11-26 16:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (4, '7d', '2026-11-20 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1010.7256460000826, 200.7957369999076, 204.0919359999407, '\x3805', 5, 1364.3617850000282, 270.7475270001396, 275.4188090000298, NULL, 5, 494.9032774641829);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (5, '7d', '2026-11-20 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 0, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (6, '7d', '2026-11-20 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (1, '7d', '2026-11-20 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1009.5258140001988, 201.25433700013673, 203.25175300013143, '\x3805', 5, 1361.558042000297, 271.21069200006787, 274.3098800001462, NULL, 5, 497.1359140331657);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (2, '7d', '2026-11-20 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1012.1977579999566, 200.93970700008867, 204.12682199980736, '\x3805', 5, 1365.4593360001854, 270.61148100005994, 275.76348799993866, NULL, 5, 495.4770879576092);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (3, '7d', '2026-11-20 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (4, '30d', '2026-10-28 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1010.7256460000826, 200.7957369999076, 204.0919359999407, '\x3805', 5, 1364.3617850000282, 270.7475270001396, 275.4188090000298, NULL, 5, 494.9032774641829);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (5, '30d', '2026-10-28 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 0, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (6, '30d', '2026-10-28 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (1, '30d', '2026-10-28 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1009.5258140001988, 201.25433700013673, 203.25175300013143, '\x3805', 5, 1361.558042000297, 271.21069200006787, 274.3098800001462, NULL, 5, 497.1359140331657);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (2, '30d', '2026-10-28 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1012.1977579999566, 200.93970700008867, 204.12682199980736, '\x3805', 5, 1365.4593360001854, 270.61148100005994, 275.76348799993866, NULL, 5, 495.4770879576092);
INSERT INTO public.probewindow (target_id, name, start, rolled_until, count, ok, failures, excluded, maintenance, err_timeout, err_connect, err_http_5xx, err_rate_limited, err_client_error, err_stream_error, err_bad_response, err_unknown, ttft_count, ttft_sum, ttft_min, ttft_max, ttft_hist, total_count, total_sum, total_min, total_max, total_hist, tps_count, tps_sum) VALUES (3, '30d', '2026-10-28 00:00:00+00', '2026-11-27 16:47:44.425965+00', 8, 5, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, '\x3e05', 5, 1761.604828000145, 351.0998350000136, 354.52983200002564, NULL, 0, 0);


--
-- Data for Name: provider; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('DeepInfra', 'deepinfra', 1, '{"headquarters": "US", "privacy_policy_url": "https://deepinfra.com/privacy", "terms_of_service_url": "https://deepinfra.com/terms", "status_page_url": "https://status.deepinfra.com/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Novita', 'novita', 2, '{"headquarters": "US", "privacy_policy_url": "https://novita.ai/legal/privacy-policy", "terms_of_service_url": "https://novita.ai/legal/terms-of-service", "status_page_url": "https://status.novita.ai/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('AtlasCloud', 'atlas-cloud', 3, '{"headquarters": "US", "privacy_policy_url": "https://www.atlascloud.ai/privacy"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('SiliconFlow', 'siliconflow', 4, '{"headquarters": "SG", "datacenters": [], "privacy_policy_url": "https://docs.siliconflow.com/en/legals/privacy-policy", "terms_of_service_url": "https://docs.siliconflow.com/en/legals/terms-of-service"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Together', 'together', 5, '{"headquarters": "US", "privacy_policy_url": "https://www.together.ai/privacy", "terms_of_service_url": "https://www.together.ai/terms-of-service", "status_page_url": "https://status.together.ai/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Groq', 'groq', 6, '{"headquarters": "US", "privacy_policy_url": "https://groq.com/privacy-policy/", "terms_of_service_url": "https://groq.com/terms-of-use/", "status_page_url": "https://status.groq.com/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Cerebras', 'cerebras', 7, '{"headquarters": "US", "privacy_policy_url": "https://www.cerebras.ai/privacy-policy", "terms_of_service_url": "https://www.cerebras.ai/terms-of-service"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Fireworks', 'fireworks', 8, '{"headquarters": "US", "privacy_policy_url": "https://fireworks.ai/privacy-policy", "terms_of_service_url": "https://fireworks.ai/terms-of-service", "status_page_url": "https://status.fireworks.ai/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Parasail', 'parasail', 9, '{"headquarters": "US", "privacy_policy_url": "https://www.parasail.io/legal/privacy-policy", "terms_of_service_url": "https://www.parasail.io/legal/terms"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Chutes', 'chutes', 10, '{"headquarters": "US", "privacy_policy_url": "https://chutes.ai/privacy", "terms_of_service_url": "https://chutes.ai/tos"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('OpenAI', 'openai', 11, '{"headquarters": "US", "privacy_policy_url": "https://openai.com/policies/privacy-policy/", "terms_of_service_url": "https://openai.com/policies/row-terms-of-use/", "status_page_url": "https://status.openai.com/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Anthropic', 'anthropic', 12, '{"headquarters": "US", "privacy_policy_url": "https://www.anthropic.com/legal/privacy", "terms_of_service_url": "https://www.anthropic.com/legal/commercial-terms", "status_page_url": "https://status.anthropic.com/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Google', 'google-vertex', 13, '{"headquarters": "US", "privacy_policy_url": "https://cloud.google.com/terms/cloud-privacy-notice", "terms_of_service_url": "https://cloud.google.com/terms/", "status_page_url": "https://status.cloud.google.com/products/sdXM79fz1FS6ekNpu37K/history"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Google AI Studio', 'google-ai-studio', 14, '{"headquarters": "US", "privacy_policy_url": "https://cloud.google.com/terms/cloud-privacy-notice", "terms_of_service_url": "https://cloud.google.com/terms/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Alibaba', 'alibaba', 15, '{"headquarters": "SG", "datacenters": ["SG", "CN"], "privacy_policy_url": "https://www.alibabacloud.com/help/en/legal/latest/alibaba-cloud-international-website-privacy-policy", "terms_of_service_url": "https://www.alibabacloud.com/help/en/legal/latest/alibaba-cloud-international-website-product-terms-of-service-v-3-8-0", "status_page_url": "https://status.alibabacloud.com/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Z.AI', 'z-ai', 16, '{"headquarters": "SG", "datacenters": ["SG"], "privacy_policy_url": "https://chat.z.ai/legal-agreement/privacy-policy", "terms_of_service_url": "https://chat.z.ai/legal-agreement/terms-of-service"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Venice', 'venice', 17, '{"headquarters": "US", "datacenters": ["US"], "privacy_policy_url": "https://venice.ai/legal/privacy-policy", "terms_of_service_url": "https://venice.ai/legal/tos"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Mistral', 'mistral', 18, '{"headquarters": "FR", "privacy_policy_url": "https://mistral.ai/terms/#privacy-policy", "terms_of_service_url": "https://mistral.ai/terms/#terms-of-use", "status_page_url": "https://status.mistral.ai/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Moonshot AI', 'moonshotai', 19, '{"headquarters": "SG", "datacenters": ["SG"], "privacy_policy_url": "https://platform.moonshot.ai/docs/agreement/userprivacy", "terms_of_service_url": "https://platform.moonshot.ai/docs/agreement/modeluse"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('Nebius', 'nebius', 20, '{"headquarters": "NL", "privacy_policy_url": "https://docs.nebius.com/legal/studio/privacy/", "terms_of_service_url": "https://docs.nebius.com/legal/studio/terms-of-use/"}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('OpenRouter', NULL, 21, '{}', '2026-11-27 16:45:52.266049+00');
INSERT INTO public.provider (name, slug, id, meta, first_seen) VALUES ('EigenAI', NULL, 22, '{}', '2026-11-27 16:45:52.321937+00');


--
-- Data for Name: reportedstat; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (9, 13, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:45:52.266049+00', 100, 97.00166574125487, 98.79642160993505, '{"p50": 2003.0, "p75": 2626.0, "p90": 4152.900000000002, "p99": 12612.30999999998}', '{"p50": 7.0, "p75": 15.0, "p90": 18.0, "p99": 21.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (1, 5, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 99.5928338762215, 93.72607982504101, 88.32376414044526, '{"p50": 698.0, "p75": 894.0, "p90": 1815.2000000000007, "p99": 6733.520000000009}', '{"p50": 29.0, "p75": 43.0, "p90": 59.0, "p99": 79.0}', -2);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (2, 6, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 100, 99.96943531749064, 99.79972846118675, '{"p50": 310.0, "p75": 369.0, "p90": 495.0, "p99": 1632.2700000000004}', '{"p50": 88.0, "p75": 117.0, "p90": 141.0, "p99": 217.09000000000015}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (3, 7, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 99.67747316910416, 99.30546489464477, 99.41986435526931, '{"p50": 489.0, "p75": 728.0, "p90": 1153.0, "p99": 3758.9900000000016}', '{"p50": 28.0, "p75": 38.0, "p90": 49.0, "p99": 75.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (4, 8, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 99.54708938324231, 99.5038716557704, 99.61857157715662, '{"p50": 537.0, "p75": 739.0, "p90": 1339.9000000000005, "p99": 6563.260000000002}', '{"p50": 31.0, "p75": 47.0, "p90": 61.0, "p99": 95.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (5, 9, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 100, 99.96287013830873, 99.98433397696151, '{"p50": 1801.5, "p75": 2078.25, "p90": 2372.0, "p99": 5638.450000000001}', '{"p50": 20.0, "p75": 25.0, "p90": 29.0, "p99": 34.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (6, 10, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 100, 100, 99.48051948051948, '{"p50": 733.0, "p75": 959.5, "p90": 1486.0, "p99": 5371.3999999999905}', '{"p50": 29.0, "p75": 39.0, "p90": 50.0, "p99": 69.57999999999993}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (7, 11, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 99.17435648372997, 99.00752625920106, 99.81004288763472, '{"p50": 1415.0, "p75": 1782.25, "p90": 2276.9000000000005, "p99": 3898.4500000000007}', '{"p50": 3.0, "p75": 7.0, "p90": 15.0, "p99": 29.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (8, 12, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 99.21875, 99.8229461756374, 99.95869956581595, '{"p50": 837.0, "p75": 1166.0, "p90": 1714.8000000000002, "p99": 5464.040000000003}', '{"p50": 9.0, "p75": 11.0, "p90": 13.0, "p99": 18.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (10, 14, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 100, 99.99507898233355, 99.99966328577526, '{"p50": 1608.0, "p75": 1763.0, "p90": 1958.9000000000005, "p99": 2606.09}', '{"p50": 24.0, "p75": 28.0, "p90": 30.0, "p99": 33.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (11, 15, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 98.01324503311258, 97.96806966618288, 99.57850368809274, '{"p50": 1401.5, "p75": 1776.5, "p90": 2387.3999999999996, "p99": 5138.2199999999975}', '{"p50": 3.0, "p75": 11.0, "p90": 18.0, "p99": 27.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (12, 16, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 100, 100, 99.98214848262103, '{"p50": 752.0, "p75": 1142.25, "p90": 1828.0, "p99": 4855.489999999981}', '{"p50": 15.0, "p75": 20.0, "p90": 27.0, "p99": 45.36999999999989}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (13, 17, 'openrouter', '2026-11-27 16:45:52.266049+00', '2026-11-27 16:46:48.463159+00', 100, 98.44357976653697, 98.84336777104858, '{"p50": 1864.0, "p75": 2443.0, "p90": 4744.0, "p99": 10590.800000000007}', '{"p50": 4.0, "p75": 15.0, "p90": 17.0, "p99": 21.0}', 0);
INSERT INTO public.reportedstat (id, endpoint_id, source, at, seen_until, uptime_5m, uptime_30m, uptime_1d, latency_30m, throughput_30m, status) VALUES (14, 20, 'openrouter', '2026-11-27 16:46:48.463159+00', '2026-11-27 16:46:48.463159+00', NULL, NULL, 99.93309047654449, '{"p50": 3673.0, "p75": 5679.0, "p90": 8849.0, "p99": 19567.600000000013}', '{"p50": 23.0, "p75": 32.0, "p90": 38.0, "p99": 44.0}', 0);


--
-- Name: alertdelivery_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.alertdelivery_id_seq', 28, true);


--
-- Name: change_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_id_seq', 12, true);


--
-- Name: crawlproblem_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crawlproblem_id_seq', 7, true);


--
-- Name: crawlrun_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.crawlrun_id_seq', 8, true);


--
-- Name: endpoint_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.endpoint_id_seq', 20, true);


--
-- Name: endpointrevision_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.endpointrevision_id_seq', 22, true);


--
-- Name: incident_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.incident_id_seq', 5, true);


--
-- Name: model_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.model_id_seq', 5, true);


--
-- Name: parserstate_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.parserstate_id_seq', 1, true);


--
-- Name: priceperiod_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.priceperiod_id_seq', 25, true);


--
-- Name: probesample_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.probesample_id_seq', 54, true);


--
-- Name: probetarget_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.probetarget_id_seq', 6, true);


--
-- Name: provider_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.provider_id_seq', 22, true);


--
-- Name: reportedstat_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reportedstat_id_seq', 14, true);


--
-- Name: alertchannel alertchannel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alertchannel
    ADD CONSTRAINT alertchannel_pkey PRIMARY KEY (channel_key);


--
-- Name: alertcursor alertcursor_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alertcursor
    ADD CONSTRAINT alertcursor_pkey PRIMARY KEY (name);


--
-- Name: alertdelivery alertdelivery_event_key_channel_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alertdelivery
    ADD CONSTRAINT alertdelivery_event_key_channel_key_key UNIQUE (event_key, channel_key);


--
-- Name: alertdelivery alertdelivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alertdelivery
    ADD CONSTRAINT alertdelivery_pkey PRIMARY KEY (id);


--
-- Name: apscheduler_jobs apscheduler_jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apscheduler_jobs
    ADD CONSTRAINT apscheduler_jobs_pkey PRIMARY KEY (id);


--
-- Name: change change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change
    ADD CONSTRAINT change_pkey PRIMARY KEY (id);


--
-- Name: crawlproblem crawlproblem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crawlproblem
    ADD CONSTRAINT crawlproblem_pkey PRIMARY KEY (id);


--
-- Name: crawlrun crawlrun_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crawlrun
    ADD CONSTRAINT crawlrun_pkey PRIMARY KEY (id);


--
-- Name: endpoint endpoint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpoint
    ADD CONSTRAINT endpoint_pkey PRIMARY KEY (id);


--
-- Name: endpointrevision endpointrevision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpointrevision
    ADD CONSTRAINT endpointrevision_pkey PRIMARY KEY (id);


--
-- Name: heartbeat heartbeat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.heartbeat
    ADD CONSTRAINT heartbeat_pkey PRIMARY KEY (name);


--
-- Name: incident incident_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident
    ADD CONSTRAINT incident_pkey PRIMARY KEY (id);


--
-- Name: model model_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model
    ADD CONSTRAINT model_pkey PRIMARY KEY (id);


--
-- Name: parserstate parserstate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parserstate
    ADD CONSTRAINT parserstate_pkey PRIMARY KEY (id);


--
-- Name: parserstate parserstate_source_subject_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parserstate
    ADD CONSTRAINT parserstate_source_subject_key UNIQUE (source, subject);


--
-- Name: priceperiod priceperiod_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.priceperiod
    ADD CONSTRAINT priceperiod_pkey PRIMARY KEY (id);


--
-- Name: proberollup proberollup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.proberollup
    ADD CONSTRAINT proberollup_pkey PRIMARY KEY (target_id, period, start);


--
-- Name: probesample probesample_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probesample
    ADD CONSTRAINT probesample_pkey PRIMARY KEY (id);


--
-- Name: probetarget probetarget_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probetarget
    ADD CONSTRAINT probetarget_pkey PRIMARY KEY (id);


--
-- Name: probewindow probewindow_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probewindow
    ADD CONSTRAINT probewindow_pkey PRIMARY KEY (target_id, name);


--
-- Name: provider provider_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.provider
    ADD CONSTRAINT provider_pkey PRIMARY KEY (id);


--
-- Name: reportedstat reportedstat_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reportedstat
    ADD CONSTRAINT reportedstat_pkey PRIMARY KEY (id);


--
-- Name: ix_alertdelivery_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alertdelivery_queue ON public.alertdelivery USING btree (channel_key, status, id);


--
-- Name: ix_alertdelivery_status_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alertdelivery_status_created ON public.alertdelivery USING btree (status, created);


--
-- Name: ix_apscheduler_jobs_next_run_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_apscheduler_jobs_next_run_time ON public.apscheduler_jobs USING btree (next_run_time);


--
-- Name: ix_change_at_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_change_at_kind ON public.change USING btree (at, kind);


--
-- Name: ix_change_endpoint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_change_endpoint_id ON public.change USING btree (endpoint_id);


--
-- Name: ix_crawlproblem_run_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_crawlproblem_run_id ON public.crawlproblem USING btree (run_id);


--
-- Name: ix_crawlrun_source; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_crawlrun_source ON public.crawlrun USING btree (source);


--
-- Name: ix_crawlrun_started; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_crawlrun_started ON public.crawlrun USING btree (started);


--
-- Name: ix_endpoint_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_endpoint_key ON public.endpoint USING btree (key);


--
-- Name: ix_endpoint_model_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_endpoint_model_id ON public.endpoint USING btree (model_id);


--
-- Name: ix_endpoint_provider_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_endpoint_provider_id ON public.endpoint USING btree (provider_id);


--
-- Name: ix_endpoint_source; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_endpoint_source ON public.endpoint USING btree (source);


--
-- Name: ix_endpointrevision_endpoint_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_endpointrevision_endpoint_from ON public.endpointrevision USING btree (endpoint_id, valid_from);


--
-- Name: ix_incident_ended; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_ended ON public.incident USING btree (ended);


--
-- Name: ix_incident_started; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_started ON public.incident USING btree (started);


--
-- Name: ix_incident_target_started; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_incident_target_started ON public.incident USING btree (target_id, started);


--
-- Name: ix_model_canonical_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_model_canonical_id ON public.model USING btree (canonical_id);


--
-- Name: ix_priceperiod_endpoint_from; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_priceperiod_endpoint_from ON public.priceperiod USING btree (endpoint_id, valid_from);


--
-- Name: ix_probesample_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_probesample_at ON public.probesample USING btree (at);


--
-- Name: ix_probesample_target_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_probesample_target_at ON public.probesample USING btree (target_id, at);


--
-- Name: ix_probetarget_endpoint_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_probetarget_endpoint_id ON public.probetarget USING btree (endpoint_id);


--
-- Name: ix_probetarget_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_probetarget_name ON public.probetarget USING btree (name);


--
-- Name: ix_provider_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_provider_name ON public.provider USING btree (name);


--
-- Name: ix_reportedstat_endpoint_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reportedstat_endpoint_at ON public.reportedstat USING btree (endpoint_id, at);


--
-- Name: change change_endpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change
    ADD CONSTRAINT change_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoint(id);


--
-- Name: change change_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change
    ADD CONSTRAINT change_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.crawlrun(id);


--
-- Name: crawlproblem crawlproblem_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crawlproblem
    ADD CONSTRAINT crawlproblem_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.crawlrun(id);


--
-- Name: endpoint endpoint_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpoint
    ADD CONSTRAINT endpoint_model_id_fkey FOREIGN KEY (model_id) REFERENCES public.model(id);


--
-- Name: endpoint endpoint_provider_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpoint
    ADD CONSTRAINT endpoint_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES public.provider(id);


--
-- Name: endpointrevision endpointrevision_endpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpointrevision
    ADD CONSTRAINT endpointrevision_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoint(id);


--
-- Name: endpointrevision endpointrevision_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.endpointrevision
    ADD CONSTRAINT endpointrevision_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.crawlrun(id);


--
-- Name: incident incident_target_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.incident
    ADD CONSTRAINT incident_target_id_fkey FOREIGN KEY (target_id) REFERENCES public.probetarget(id);


--
-- Name: priceperiod priceperiod_endpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.priceperiod
    ADD CONSTRAINT priceperiod_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoint(id);


--
-- Name: priceperiod priceperiod_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.priceperiod
    ADD CONSTRAINT priceperiod_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.crawlrun(id);


--
-- Name: proberollup proberollup_target_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.proberollup
    ADD CONSTRAINT proberollup_target_id_fkey FOREIGN KEY (target_id) REFERENCES public.probetarget(id);


--
-- Name: probesample probesample_target_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probesample
    ADD CONSTRAINT probesample_target_id_fkey FOREIGN KEY (target_id) REFERENCES public.probetarget(id);


--
-- Name: probetarget probetarget_endpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probetarget
    ADD CONSTRAINT probetarget_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoint(id);


--
-- Name: probewindow probewindow_target_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.probewindow
    ADD CONSTRAINT probewindow_target_id_fkey FOREIGN KEY (target_id) REFERENCES public.probetarget(id);


--
-- Name: reportedstat reportedstat_endpoint_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reportedstat
    ADD CONSTRAINT reportedstat_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoint(id);


--
-- PostgreSQL database dump complete
--


