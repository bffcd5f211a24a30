--
-- PostgreSQL database dump
--

\restrict qb6mHzncv6i6l9dvtBSsuzC093sP1luS6cPklQqz7xb4vJpvaJIw4mIbvG8Llbm

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

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
-- Name: access_audit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_audit (
    id text NOT NULL,
    at bigint NOT NULL,
    actor_id text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    action text NOT NULL,
    before_json text,
    after_json text
);


--
-- Name: access_object_grantees; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_object_grantees (
    object_key text NOT NULL,
    grantee_kind text NOT NULL,
    grantee_id text NOT NULL,
    shared_by text
);


--
-- Name: access_objects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_objects (
    object_key text NOT NULL,
    parent_key text
);


--
-- Name: access_user_teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_user_teams (
    user_id text NOT NULL,
    team_id text NOT NULL
);


--
-- Name: access_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_users (
    id text NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    access_level_id text NOT NULL,
    active integer NOT NULL,
    data text NOT NULL
);


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id text NOT NULL,
    user_id text NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    last_four text NOT NULL,
    created_at bigint NOT NULL,
    revoked_at bigint
);


--
-- Name: data_protection_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.data_protection_keys (
    name text NOT NULL,
    xml text NOT NULL
);


--
-- Name: frameconnector_inbound_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.frameconnector_inbound_events (
    event_key text NOT NULL,
    received_at bigint NOT NULL
);


--
-- Name: frameconnector_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.frameconnector_links (
    frameio_id text NOT NULL,
    kind text NOT NULL,
    project_id text,
    greenlight_id text NOT NULL
);


--
-- Name: frameconnector_mirror_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.frameconnector_mirror_items (
    project_id text NOT NULL,
    item_key text NOT NULL,
    state text NOT NULL
);


--
-- Name: frameconnector_stuck; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.frameconnector_stuck (
    id text NOT NULL,
    project_id text NOT NULL,
    step text NOT NULL,
    error text NOT NULL,
    tries integer NOT NULL,
    since bigint NOT NULL
);


--
-- Name: handed_on_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handed_on_messages (
    id text NOT NULL,
    handed_on_at bigint NOT NULL
);


--
-- Name: organization; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organization (
    id text NOT NULL,
    name text NOT NULL,
    administrator_user_id text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: orleans_membership; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_membership (
    deployment_id character varying(150) NOT NULL,
    address character varying(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    suspect_times text,
    start_time timestamp with time zone NOT NULL,
    i_am_alive_time timestamp with time zone NOT NULL
);


--
-- Name: orleans_membership_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_membership_version (
    deployment_id character varying(150) NOT NULL,
    version integer DEFAULT 0 NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: orleans_reminders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_reminders (
    service_id character varying(150) NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    grain_hash integer NOT NULL,
    start_time timestamp with time zone NOT NULL,
    period_ms bigint NOT NULL,
    version integer NOT NULL
);


--
-- Name: orleans_storage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_storage (
    grain_id_hash integer NOT NULL,
    grain_type_hash integer NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    service_id character varying(150) NOT NULL,
    grain_type character varying(512) NOT NULL,
    grain_id_extension character varying(512),
    payload bytea,
    version integer NOT NULL,
    modified_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: orleansquery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansquery (
    querykey character varying(64) NOT NULL,
    querytext text NOT NULL
);


--
-- Name: outbox_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_messages (
    id text NOT NULL,
    message_type text NOT NULL,
    handler_type text NOT NULL,
    payload text NOT NULL,
    deduplication_key text,
    created_at bigint NOT NULL,
    due_at bigint NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    parked_at bigint,
    claimed_by text,
    claimed_until bigint
);


--
-- Name: review_approval_documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_approval_documents (
    document_id text NOT NULL,
    approval_id text NOT NULL,
    "position" integer,
    document_name text
);


--
-- Name: review_approvals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_approvals (
    approval_id text NOT NULL,
    project_id text NOT NULL,
    group_id text,
    status text NOT NULL,
    is_open integer NOT NULL,
    created_at bigint NOT NULL,
    first_due_at bigint,
    completed_at bigint,
    revisions integer NOT NULL
);


--
-- Name: review_decisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_decisions (
    approval_id text NOT NULL,
    revision integer NOT NULL,
    decided_by text NOT NULL,
    project_id text NOT NULL,
    group_id text,
    decision text NOT NULL,
    stage_opened_at bigint NOT NULL,
    decided_at bigint NOT NULL
);


--
-- Name: review_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_events (
    id text NOT NULL,
    approval_id text,
    document_id text,
    project_id text NOT NULL,
    event text NOT NULL,
    actor text NOT NULL,
    source text NOT NULL,
    at bigint NOT NULL,
    detail text
);


--
-- Name: review_frameio_documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_frameio_documents (
    document_id text NOT NULL,
    project_id text NOT NULL
);


--
-- Name: review_open_documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_open_documents (
    document_id text NOT NULL,
    approval_id text NOT NULL
);


--
-- Name: review_rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_rollups (
    scope text NOT NULL,
    week bigint NOT NULL,
    measure text NOT NULL,
    bucket bigint NOT NULL,
    value bigint NOT NULL
);


--
-- Name: review_waiting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_waiting (
    approval_id text NOT NULL,
    path_index integer NOT NULL,
    stage_index integer NOT NULL,
    participant_kind text NOT NULL,
    participant_id text NOT NULL,
    project_id text NOT NULL,
    stage_name text NOT NULL,
    participant_role text NOT NULL,
    opened_at bigint NOT NULL,
    due_at bigint
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    id text NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: work_document_chunks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_document_chunks (
    content_id text NOT NULL,
    seq integer NOT NULL,
    data bytea NOT NULL
);


--
-- Name: work_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_items (
    id text NOT NULL,
    project_id text NOT NULL,
    state text NOT NULL
);


--
-- Name: work_objects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_objects (
    id text NOT NULL,
    object_type text NOT NULL,
    project_id text,
    parent_id text,
    name text NOT NULL,
    status text,
    updated_at bigint NOT NULL
);


--
-- Data for Name: access_audit; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.access_audit VALUES ('01a23276856b7bd6bc98389cc64d5e42', 1796142957931, '815db24a9ff6443f913101c59a53e639', 'User', '815db24a9ff6443f913101c59a53e639', 'created', NULL, '{"id":"815db24a9ff6443f913101c59a53e639","name":"System Administrator","email":"","accessLevelId":"system-administrator","license":"Standard","isSystemAdministrator":true,"active":true,"addToFrameioProjects":false,"homeGroupId":null,"groupIds":[],"homeTeamId":null,"teamIds":[]}');
INSERT INTO public.access_audit VALUES ('01a232768f1772b5876be9687e71b860', 1796142960407, '815db24a9ff6443f913101c59a53e639', 'Level', '10c3b7c81ba4423e9fec1d0f05e3570b', 'created', NULL, '{"id":"10c3b7c81ba4423e9fec1d0f05e3570b","name":"Standard (Copy)","license":"Standard","builtIn":null,"areas":{"Projects":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":true},"Tasks":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Issues":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Portfolios":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Programs":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Reports":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Filters":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Documents":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Users":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Teams":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Templates":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"FinancialData":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"ResourceManagement":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"ScenarioPlanner":{"setting":"NoAccess","create":false,"delete":false,"share":false,"shareSystemWide":false,"copy":false},"Boards":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Home":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Goals":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false}},"modifiable":true}');
INSERT INTO public.access_audit VALUES ('01a232768fb5768eb5aa4a7f698520e1', 1796142960565, '815db24a9ff6443f913101c59a53e639', 'Level', '10c3b7c81ba4423e9fec1d0f05e3570b', 'changed', '{"id":"10c3b7c81ba4423e9fec1d0f05e3570b","name":"Standard (Copy)","license":"Standard","builtIn":null,"areas":{"Projects":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":true},"Tasks":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Issues":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Portfolios":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Programs":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Reports":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Filters":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Documents":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Users":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Teams":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Templates":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"FinancialData":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"ResourceManagement":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"ScenarioPlanner":{"setting":"NoAccess","create":false,"delete":false,"share":false,"shareSystemWide":false,"copy":false},"Boards":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Home":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Goals":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false}},"modifiable":true}', '{"id":"10c3b7c81ba4423e9fec1d0f05e3570b","name":"Standard, no task deletes","license":"Standard","builtIn":null,"areas":{"Projects":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":true},"Tasks":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Issues":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Portfolios":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Programs":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Reports":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Filters":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Documents":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Users":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Teams":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Templates":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"FinancialData":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"ResourceManagement":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"ScenarioPlanner":{"setting":"NoAccess","create":false,"delete":false,"share":false,"shareSystemWide":false,"copy":false},"Boards":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Home":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false},"Goals":{"setting":"Edit","create":true,"delete":true,"share":true,"shareSystemWide":true,"copy":false}},"modifiable":true}');
INSERT INTO public.access_audit VALUES ('01a23276900a73c39d9d0bb6fafbb8c5', 1796142960650, '815db24a9ff6443f913101c59a53e639', 'Group', '128795df398f4dbb984e6bc10a5b7a89', 'created', NULL, '{"id":"128795df398f4dbb984e6bc10a5b7a89","name":"Studio","parentId":null,"administratorIds":[]}');
INSERT INTO public.access_audit VALUES ('01a2327690397540a5407863310049ef', 1796142960697, '815db24a9ff6443f913101c59a53e639', 'Group', 'f9542fca24ab43c2aa17f2e8b225f461', 'created', NULL, '{"id":"f9542fca24ab43c2aa17f2e8b225f461","name":"Motion","parentId":"128795df398f4dbb984e6bc10a5b7a89","administratorIds":[]}');
INSERT INTO public.access_audit VALUES ('01a23276906b79869d1a279ea93cc440', 1796142960747, '815db24a9ff6443f913101c59a53e639', 'Team', 'c7d39890063c4d2d8c02197ce6620759', 'created', NULL, '{"id":"c7d39890063c4d2d8c02197ce6620759","name":"Reviewers"}');
INSERT INTO public.access_audit VALUES ('01a2327690ef7afd98b90ae052d22e49', 1796142960879, '815db24a9ff6443f913101c59a53e639', 'User', 'b425d5e81fda488ab13866295c667d10', 'created', NULL, '{"id":"b425d5e81fda488ab13866295c667d10","name":"Rita Reviewer","email":"Rita.Reviewer@example.org","accessLevelId":"10c3b7c81ba4423e9fec1d0f05e3570b","license":"Standard","isSystemAdministrator":false,"active":true,"addToFrameioProjects":false,"homeGroupId":"f9542fca24ab43c2aa17f2e8b225f461","groupIds":[],"homeTeamId":null,"teamIds":["c7d39890063c4d2d8c02197ce6620759"]}');
INSERT INTO public.access_audit VALUES ('01a2327692e37cd7a8cf91e22ecd94a9', 1796142961379, '815db24a9ff6443f913101c59a53e639', 'Object', 'Portfolio:08df4fc92f4f57b258e4de02033d8be4', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a2327693f87aff8feaa6fb8b937f29', 1796142961656, '815db24a9ff6443f913101c59a53e639', 'Object', 'Program:08df4fc92fa29233e7ca5f7c6da5977c', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a2327694cb7315aaef2ed134d878c7', 1796142961867, '815db24a9ff6443f913101c59a53e639', 'Object', 'Project:08df4fc92fb6da3762c0c0627ad41b65', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a23276957e734e950fcd0282721acf', 1796142962046, '815db24a9ff6443f913101c59a53e639', 'Object', 'Task:08df4fc92fdb8249774d0ecd79c30bd5', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a2327695a27813a42324fc98cac3d4', 1796142962082, '815db24a9ff6443f913101c59a53e639', 'Object', 'Issue:08df4fc92fe8543857219d5ffbb3f57e', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a2327695c1748dbb7aae8a0b41bfce', 1796142962113, '815db24a9ff6443f913101c59a53e639', 'Object', 'DocumentFolder:08df4fc92feda7cb51cfa1abefb7cdf5', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a232769601746685a287822c8c4cf2', 1796142962177, '815db24a9ff6443f913101c59a53e639', 'Object', 'Document:08df4fc92ff219a32f73dba9e978ce76', 'registered', NULL, '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]');
INSERT INTO public.access_audit VALUES ('01a23276965e71b58beab11dcfef0983', 1796142962270, '815db24a9ff6443f913101c59a53e639', 'Object', 'Project:08df4fc92fb6da3762c0c0627ad41b65', 'shared', '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null}]', '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null},{"kind":"User","granteeId":"b425d5e81fda488ab13866295c667d10","permission":"Contribute","sharedBy":"815db24a9ff6443f913101c59a53e639"}]');
INSERT INTO public.access_audit VALUES ('01a2327696887a2680606c14b39fafdf', 1796142962312, '815db24a9ff6443f913101c59a53e639', 'Object', 'Project:08df4fc92fb6da3762c0c0627ad41b65', 'shared', '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null},{"kind":"User","granteeId":"b425d5e81fda488ab13866295c667d10","permission":"Contribute","sharedBy":"815db24a9ff6443f913101c59a53e639"}]', '[{"kind":"User","granteeId":"815db24a9ff6443f913101c59a53e639","permission":"Manage","sharedBy":null},{"kind":"User","granteeId":"b425d5e81fda488ab13866295c667d10","permission":"Contribute","sharedBy":"815db24a9ff6443f913101c59a53e639"},{"kind":"Team","granteeId":"c7d39890063c4d2d8c02197ce6620759","permission":"View","sharedBy":"815db24a9ff6443f913101c59a53e639"}]');


--
-- Data for Name: access_object_grantees; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.access_object_grantees VALUES ('Portfolio:08df4fc92f4f57b258e4de02033d8be4', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('Program:08df4fc92fa29233e7ca5f7c6da5977c', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('Task:08df4fc92fdb8249774d0ecd79c30bd5', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('Issue:08df4fc92fe8543857219d5ffbb3f57e', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('DocumentFolder:08df4fc92feda7cb51cfa1abefb7cdf5', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('Document:08df4fc92ff219a32f73dba9e978ce76', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('Project:08df4fc92fb6da3762c0c0627ad41b65', 'User', '815db24a9ff6443f913101c59a53e639', NULL);
INSERT INTO public.access_object_grantees VALUES ('Project:08df4fc92fb6da3762c0c0627ad41b65', 'User', 'b425d5e81fda488ab13866295c667d10', '815db24a9ff6443f913101c59a53e639');
INSERT INTO public.access_object_grantees VALUES ('Project:08df4fc92fb6da3762c0c0627ad41b65', 'Team', 'c7d39890063c4d2d8c02197ce6620759', '815db24a9ff6443f913101c59a53e639');


--
-- Data for Name: access_objects; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.access_objects VALUES ('Portfolio:08df4fc92f4f57b258e4de02033d8be4', NULL);
INSERT INTO public.access_objects VALUES ('Program:08df4fc92fa29233e7ca5f7c6da5977c', 'Portfolio:08df4fc92f4f57b258e4de02033d8be4');
INSERT INTO public.access_objects VALUES ('Task:08df4fc92fdb8249774d0ecd79c30bd5', 'Project:08df4fc92fb6da3762c0c0627ad41b65');
INSERT INTO public.access_objects VALUES ('Issue:08df4fc92fe8543857219d5ffbb3f57e', 'Task:08df4fc92fdb8249774d0ecd79c30bd5');
INSERT INTO public.access_objects VALUES ('DocumentFolder:08df4fc92feda7cb51cfa1abefb7cdf5', 'Project:08df4fc92fb6da3762c0c0627ad41b65');
INSERT INTO public.access_objects VALUES ('Document:08df4fc92ff219a32f73dba9e978ce76', 'DocumentFolder:08df4fc92feda7cb51cfa1abefb7cdf5');
INSERT INTO public.access_objects VALUES ('Project:08df4fc92fb6da3762c0c0627ad41b65', 'Program:08df4fc92fa29233e7ca5f7c6da5977c');


--
-- Data for Name: access_user_teams; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.access_user_teams VALUES ('b425d5e81fda488ab13866295c667d10', 'c7d39890063c4d2d8c02197ce6620759');


--
-- Data for Name: access_users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.access_users VALUES ('815db24a9ff6443f913101c59a53e639', 'System Administrator', '', 'system-administrator', 1, '{"id":"815db24a9ff6443f913101c59a53e639","name":"System Administrator","email":"","accessLevelId":"system-administrator","license":"Standard","isSystemAdministrator":true,"active":true,"addToFrameioProjects":false,"homeGroupId":null,"groupIds":[],"homeTeamId":null,"teamIds":[]}');
INSERT INTO public.access_users VALUES ('b425d5e81fda488ab13866295c667d10', 'Rita Reviewer', 'Rita.Reviewer@example.org', '10c3b7c81ba4423e9fec1d0f05e3570b', 1, '{"id":"b425d5e81fda488ab13866295c667d10","name":"Rita Reviewer","email":"Rita.Reviewer@example.org","accessLevelId":"10c3b7c81ba4423e9fec1d0f05e3570b","license":"Standard","isSystemAdministrator":false,"active":true,"addToFrameioProjects":false,"homeGroupId":"f9542fca24ab43c2aa17f2e8b225f461","groupIds":[],"homeTeamId":null,"teamIds":["c7d39890063c4d2d8c02197ce6620759"]}');


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_tokens VALUES ('685f7304d1fa4a58a6b25635acf82678', '815db24a9ff6443f913101c59a53e639', 'bootstrap', '809eda77de9e90742f33f9a124465d9c97f9a369a11e351191b229878e751878', '5a67', 1796142956904, NULL);
INSERT INTO public.api_tokens VALUES ('aa3f8e09fe4f42e3be4ce98fa749f646', 'b425d5e81fda488ab13866295c667d10', 'fixture', 'f972a10e021b4d16e546974928542849bc71ba4a0a309348ed7fc40aafc3f524', 'NRls', 1796142961017, NULL);


--
-- Data for Name: data_protection_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.data_protection_keys VALUES ('key-0fa94d00-8c43-4578-98c9-728c165751d7', '<key id="0fa94d00-8c43-4578-98c9-728c165751d7" version="1"><creationDate>2026-12-01T16:35:57.3924657Z</creationDate><activationDate>2026-12-01T16:35:57.3924657Z</activationDate><expirationDate>2027-03-01T16:35:57.3924657Z</expirationDate><descriptor deserializerType="Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection, Version=10.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60"><descriptor><encryption algorithm="AES_256_CBC" /><validation algorithm="HMACSHA256" /><encryptedSecret decryptorType="Greenlight.Kernel.Security.Secrets.MasterKeyXmlDecryptor, Greenlight.Kernel, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null" xmlns="http://schemas.asp.net/2015/03/dataProtection"><encryptedKey xmlns="">W4eA3eTmCcX2hUm3.KLYc5fgOm4IMBNcJwUNNrA==.4PivcwOhZFXtbGH2T7Lj6/6b5ScVqHYB+6fmb365dszD/zMAHN26uxnrviR8tofMIrP3iCdrZ01SH3zK5XADO1WRPLAqsYQ2yDv252UYfPm5vUcZ0Jf+FjXMRM2Abzmv0gJ10rU1HZtGe8KMbackU1DyQTx/A1xB67olkBHnhYSE9708YlHFYc5yB6YgyBlG1+Oyb7Fs5SF+tiujFwNdKZHO9pWG4JFj03odY3U7nHfZXaB2JKii3Rr59iM9QMB6FROzp3lpZ6c8tbhbzVPo3RXnvC4sZdDpMYtyPB20hyU89M1Fs3APlPGYjSFMKzDo9Pvx8FsewP7tqntgBkAYpiyTAEtlwVb6jwEyy7Yo</encryptedKey></encryptedSecret></descriptor></descriptor></key>');


--
-- Data for Name: frameconnector_inbound_events; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: frameconnector_links; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: frameconnector_mirror_items; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: frameconnector_stuck; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: handed_on_messages; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.handed_on_messages VALUES ('fd43f5b760e5481882e3f8e53203d660', 1796142958172);
INSERT INTO public.handed_on_messages VALUES ('f812ee3d300940228300bedbf28a9662', 1796142958192);
INSERT INTO public.handed_on_messages VALUES ('3dce4550a2864c7288f19a91803b501c', 1796142958213);
INSERT INTO public.handed_on_messages VALUES ('0be87c10d9a54c20940fc8d94638ba8a', 1796142960507);
INSERT INTO public.handed_on_messages VALUES ('8a721fe882a64b61bb51c9e58bad265f', 1796142960576);
INSERT INTO public.handed_on_messages VALUES ('53f560c0e95044329877e43683b485e3', 1796142960658);
INSERT INTO public.handed_on_messages VALUES ('a4891608e93f4848a3926989dfc8dda2', 1796142960701);
INSERT INTO public.handed_on_messages VALUES ('a7d254ebb49d446da3c1d1f9001ab91b', 1796142960755);
INSERT INTO public.handed_on_messages VALUES ('3a011c2169ab45c487dfdb1d3b80f1dd', 1796142960890);
INSERT INTO public.handed_on_messages VALUES ('17031ffbaefd41d493500c77926aee48', 1796142960929);
INSERT INTO public.handed_on_messages VALUES ('34fc6f9039bc4f5fa43f0036f5547e31', 1796142960951);
INSERT INTO public.handed_on_messages VALUES ('67af96d5f4514e90842d7499fbaa8fd9', 1796142961131);
INSERT INTO public.handed_on_messages VALUES ('114678855a6042dbabcb50e5ca8a43f9', 1796142961169);
INSERT INTO public.handed_on_messages VALUES ('8a0a18de5b3440e895ab5063faafca4b', 1796142961470);
INSERT INTO public.handed_on_messages VALUES ('2d5f50dc88db4af4a9b73dcef3a0ed38', 1796142961472);
INSERT INTO public.handed_on_messages VALUES ('72b3049748884010ad340c9a3047e1ee', 1796142961633);
INSERT INTO public.handed_on_messages VALUES ('d1e7648c32c74409a89a2698508d18e2', 1796142961638);
INSERT INTO public.handed_on_messages VALUES ('82d04cce6dd34866812cf05f56a5563a', 1796142961667);
INSERT INTO public.handed_on_messages VALUES ('066efe9bf92543028855eb6ba85d9113', 1796142961668);
INSERT INTO public.handed_on_messages VALUES ('9c58af144b8247e18333e6caa15ba422', 1796142961823);
INSERT INTO public.handed_on_messages VALUES ('eb4a2ef25ebf43daa8704b40f1315ae6', 1796142961831);
INSERT INTO public.handed_on_messages VALUES ('26a29813276f4b30a02258b8df8bc538', 1796142961871);
INSERT INTO public.handed_on_messages VALUES ('0f258f17df354171bd3859444dcb0a3f', 1796142961879);
INSERT INTO public.handed_on_messages VALUES ('a0c6ffdd630e47f79323236f6b8acac0', 1796142962016);
INSERT INTO public.handed_on_messages VALUES ('4449a0330aeb4793b7610bcd5d89b4f3', 1796142962036);
INSERT INTO public.handed_on_messages VALUES ('1ac727a4d328487b83ab192dd379674b', 1796142962047);
INSERT INTO public.handed_on_messages VALUES ('e210b214f1884063a8f7d90edc663624', 1796142962049);
INSERT INTO public.handed_on_messages VALUES ('ab9e27ea998f44c7a75456373b9b42c7', 1796142962072);
INSERT INTO public.handed_on_messages VALUES ('261b0e1ed2864232a2c913cfa4f5b33f', 1796142962076);
INSERT INTO public.handed_on_messages VALUES ('6509f6ad745d40f2b9258f0c6336cd03', 1796142962084);
INSERT INTO public.handed_on_messages VALUES ('6c95bd279421484a8442d0998cc24754', 1796142962084);
INSERT INTO public.handed_on_messages VALUES ('5cdea73bde794842a2c28e436f6692a1', 1796142962106);
INSERT INTO public.handed_on_messages VALUES ('d4834a51c8ad41d89e765f46fd83125a', 1796142962109);
INSERT INTO public.handed_on_messages VALUES ('a7f52c0152f94e498a4892a0fb70286d', 1796142962116);
INSERT INTO public.handed_on_messages VALUES ('cb2094837d95413cb5b8f43d3c4e0ca5', 1796142962117);
INSERT INTO public.handed_on_messages VALUES ('f34eb397142240718ac5c4065f7615e3', 1796142962144);
INSERT INTO public.handed_on_messages VALUES ('af47c38c346a4aff9f7bb795eceea13d', 1796142962167);
INSERT INTO public.handed_on_messages VALUES ('c2d84f0b0d5340748001b8cb9083aa9a', 1796142962179);
INSERT INTO public.handed_on_messages VALUES ('9aeed6c5883c4245907f7b99eab50113', 1796142962179);
INSERT INTO public.handed_on_messages VALUES ('57a7889a174d4971b855197da88a42dc', 1796142962197);
INSERT INTO public.handed_on_messages VALUES ('5992064d87034d4da555d1edde412bbd', 1796142962199);
INSERT INTO public.handed_on_messages VALUES ('8ef165aeec2e43c18496ab945d70c17b', 1796142962272);
INSERT INTO public.handed_on_messages VALUES ('9da5b198d9444e28b1f55ab2bdf7cb6f', 1796142962276);
INSERT INTO public.handed_on_messages VALUES ('6571043fe100478491bf63820c1021bd', 1796142962315);
INSERT INTO public.handed_on_messages VALUES ('9acd028ea7e346bc884af2f7bcb6a53a', 1796142962328);
INSERT INTO public.handed_on_messages VALUES ('cc6ae9eedfe545c98b9fef7e6fbd6356', 1796142962840);
INSERT INTO public.handed_on_messages VALUES ('3c88c284adff468d98c1cdb7f7cc57a3', 1796142962854);
INSERT INTO public.handed_on_messages VALUES ('83f9920893e046c09a972e0eb731738c', 1796142962875);
INSERT INTO public.handed_on_messages VALUES ('5f39ede7f2134470852565b15303c1f9', 1796142962885);
INSERT INTO public.handed_on_messages VALUES ('9bc3b3383a0548c5ad138d69fadf503a', 1796142962887);
INSERT INTO public.handed_on_messages VALUES ('47f59c885d844f1c9725a16facf90496', 1796142963080);
INSERT INTO public.handed_on_messages VALUES ('7c79c5b975e34314962fd277ebefa7f0', 1796142963096);
INSERT INTO public.handed_on_messages VALUES ('afa87de2284842e1924040e1634b22bb', 1796142963101);
INSERT INTO public.handed_on_messages VALUES ('f0bb1547680d41cda7b37ac20a26f83c', 1796142963101);
INSERT INTO public.handed_on_messages VALUES ('30e6fb0cd88f47bf8aa3b4e727866e40', 1796142963103);
INSERT INTO public.handed_on_messages VALUES ('cb014cce3b414539b31628818be0dcff', 1796142963108);


--
-- Data for Name: organization; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.organization VALUES ('organization', 'Greenlight', '815db24a9ff6443f913101c59a53e639', 1796142956888);


--
-- Data for Name: orleans_reminders; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.directory/organization', 'greenlight.redeliver-recorded-messages', 2076482029, '2026-12-01 16:36:05.417731+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.user/b425d5e81fda488ab13866295c667d10', 'greenlight.redeliver-recorded-messages', -1379151518, '2026-12-01 16:36:05.879559+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'work.portfolio/08df4fc92f4f57b258e4de02033d8be4', 'greenlight.redeliver-recorded-messages', -391662583, '2026-12-01 16:36:06.123083+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/Portfolio:08df4fc92f4f57b258e4de02033d8be4', 'greenlight.redeliver-recorded-messages', -146228867, '2026-12-01 16:36:06.455482+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'work.program/08df4fc92fa29233e7ca5f7c6da5977c', 'greenlight.redeliver-recorded-messages', 1828693168, '2026-12-01 16:36:06.628638+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/Program:08df4fc92fa29233e7ca5f7c6da5977c', 'greenlight.redeliver-recorded-messages', 1526812317, '2026-12-01 16:36:06.657054+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'work.project/08df4fc92fb6da3762c0c0627ad41b65', 'greenlight.redeliver-recorded-messages', -1201036852, '2026-12-01 16:36:06.789567+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/Project:08df4fc92fb6da3762c0c0627ad41b65', 'greenlight.redeliver-recorded-messages', 1174766162, '2026-12-01 16:36:06.867406+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/Task:08df4fc92fdb8249774d0ecd79c30bd5', 'greenlight.redeliver-recorded-messages', -1017623504, '2026-12-01 16:36:07.046547+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/Issue:08df4fc92fe8543857219d5ffbb3f57e', 'greenlight.redeliver-recorded-messages', -486807448, '2026-12-01 16:36:07.082997+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/DocumentFolder:08df4fc92feda7cb51cfa1abefb7cdf5', 'greenlight.redeliver-recorded-messages', 702117822, '2026-12-01 16:36:07.114066+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'access.object/Document:08df4fc92ff219a32f73dba9e978ce76', 'greenlight.redeliver-recorded-messages', 1072300936, '2026-12-01 16:36:07.177945+00', 5000, 0);
INSERT INTO public.orleans_reminders VALUES ('greenlight', 'review.approval/01a2327697d27c08a472801d68a2ad90', 'greenlight.redeliver-recorded-messages', -1160802265, '2026-12-01 16:36:07.767219+00', 5000, 0);


--
-- Data for Name: orleans_storage; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.orleans_storage VALUES (-1553497282, -295843667, 0, 0, 'greenlight', 'frameconnector.connection', 'default', '\x7b22457869737473223a747275652c22537461747573223a22436f6e6e6563746564222c2250726f746563746564546f6b656e223a224366444a3841424e715139446a4868466d4d6c796a425a585564667641436a74344b4f6c54657738362d336e35303462756d64484946354867736b424758483730706a564c747a2d50776a47784235363268534a456974494a324c545f33496d41616b30735753614f707030614d6c7159514535375a4b675778315f63416935332d41734750504b3255367237755666525362693350636653414d222c22546f6b656e4c617374466f7572223a225c75323032366b696e64222c224c6567616379546f6b656e223a66616c73652c224672616d65696f55736572456d61696c223a226372656174697665406578616d706c652e636f6d222c224163636f756e7473223a5b7b224964223a226163636f756e742d32222c22446973706c61794e616d65223a2253747564696f204e6f727468227d2c7b224964223a226163636f756e742d34222c22446973706c61794e616d65223a2253747564696f20536f757468227d5d2c224163636f756e744964223a226163636f756e742d32222c22576f726b73706163654964223a22776f726b73706163652d33222c22576562686f6f6b42617365223a22687474703a2f2f3132372e302e302e313a33353032392f222c22576562686f6f6b4964223a22776562686f6f6b2d36222c2250726f746563746564576562686f6f6b536563726574223a224366444a3841424e715139446a4868466d4d6c796a425a58556463644f6c65674d6a647a4a39525137436d64323546344a58752d43796e336972727471326a46485967786158514f63526e50557171507674693739466b6c51617650314e75496a7569624b554d737a5573543961335265346d336f4f4a6a4e483937347350594f35646577477a77456e3370596375694e727a7a4e34736e634933795850785934554c6774764b316751544b6754336e222c22436f6e6e65637465644174223a22323032362d31322d30315431363a33363a30302e323436323638352b30303a3030222c22556e73656e74223a5b5d7d', 2, '2026-12-01 16:36:00.359607+00');
INSERT INTO public.orleans_storage VALUES (252026686, 1120507820, 4917825199193043530, 4172114029000602001, 'greenlight', 'access.user', NULL, '\x7b2250726f66696c65223a7b224964223a223831356462323461396666363434336639313331303163353961353365363339222c224e616d65223a2253797374656d2041646d696e6973747261746f72222c22456d61696c223a22222c224163636573734c6576656c4964223a2273797374656d2d61646d696e6973747261746f72222c224c6963656e7365223a225374616e64617264222c22497353797374656d41646d696e6973747261746f72223a747275652c22416374697665223a747275652c22416464546f4672616d65696f50726f6a65637473223a66616c73652c2247726f7570496473223a5b5d2c225465616d496473223a5b5d7d2c2256657273696f6e223a312c22556e73656e74223a5b5d7d', 2, '2026-12-01 16:36:03.028264+00');
INSERT INTO public.orleans_storage VALUES (1254481998, -627263451, 6319165243652001737, -1978420528156842920, 'greenlight', 'work.portfolio', NULL, '\x7b22457869737473223a747275652c224e616d65223a22537072696e67222c224465736372697074696f6e223a2243616d706169676e73222c224f776e65724964223a223831356462323461396666363434336639313331303163353961353365363339222c22556e73656e74223a5b7b224964223a223637616639366435663435313465393038343264373439396662616138666439222c2254797065223a22776f726b2e636174616c6f672d656e7472792d63726561746564222c225061796c6f6164223a227b5c7530303232747970655c75303032323a5c7530303232506f7274666f6c696f5c75303032322c5c753030323269645c75303032323a5c753030323230386466346663393266346635376232353865346465303230333364386265345c75303032322c5c75303032326372656174656442795c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223131343637383835356136303432646261626362353065356361386134336639222c2254797065223a22776f726b2e6f626a6563742d696e6465786564222c225061796c6f6164223a227b5c7530303232747970655c75303032323a5c7530303232506f7274666f6c696f5c75303032322c5c753030323269645c75303032323a5c753030323230386466346663393266346635376232353865346465303230333364386265345c75303032322c5c753030323270726f6a65637449645c75303032323a6e756c6c2c5c7530303232706172656e7449645c75303032323a6e756c6c2c5c75303032326e616d655c75303032323a5c7530303232537072696e675c75303032322c5c75303032327374617475735c75303032323a6e756c6c7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:01.126101+00');
INSERT INTO public.orleans_storage VALUES (-1152758144, -1831819908, 0, 0, 'greenlight', 'access.directory', 'organization', '\x7b224c6576656c73223a7b223130633362376338316261343432336539666563316430663035653335373062223a7b224964223a223130633362376338316261343432336539666563316430663035653335373062222c224e616d65223a225374616e646172642c206e6f207461736b2064656c65746573222c224c6963656e7365223a225374616e64617264222c224172656173223a7b2250726f6a65637473223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a747275657d2c225461736b73223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c22497373756573223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c22506f7274666f6c696f73223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c2250726f6772616d73223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c225265706f727473223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c2246696c74657273223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c22446f63756d656e7473223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c225573657273223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c225465616d73223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c2254656d706c61746573223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c2246696e616e6369616c44617461223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c225265736f757263654d616e6167656d656e74223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c225363656e6172696f506c616e6e6572223a7b2253657474696e67223a224e6f416363657373222c22437265617465223a66616c73652c2244656c657465223a66616c73652c225368617265223a66616c73652c22536861726553797374656d57696465223a66616c73652c22436f7079223a66616c73657d2c22426f61726473223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c22486f6d65223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d2c22476f616c73223a7b2253657474696e67223a2245646974222c22437265617465223a747275652c2244656c657465223a747275652c225368617265223a747275652c22536861726553797374656d57696465223a747275652c22436f7079223a66616c73657d7d2c224d6f6469666961626c65223a747275657d7d2c2247726f757073223a7b223132383739356466333938663464626239383465366263313061356237613839223a7b224964223a223132383739356466333938663464626239383465366263313061356237613839222c224e616d65223a2253747564696f222c2241646d696e6973747261746f72496473223a5b5d7d2c226639353432666361323461623433633261613137663265386232323566343631223a7b224964223a226639353432666361323461623433633261613137663265386232323566343631222c224e616d65223a224d6f74696f6e222c22506172656e744964223a223132383739356466333938663464626239383465366263313061356237613839222c2241646d696e6973747261746f72496473223a5b5d7d7d2c225465616d73223a7b226337643339383930303633633464326438633032313937636536363230373539223a7b224964223a226337643339383930303633633464326438633032313937636536363230373539222c224e616d65223a22526576696577657273227d7d2c22507265666572656e636573223a7b22436f6c6c61626f726174654279456d61696c223a66616c73652c2241737369676e65655065726d697373696f6e223a22436f6e74726962757465222c2241737369676e656550726f6a6563745065726d697373696f6e223a224e6f6e65227d2c2256657273696f6e223a352c22556e73656e74223a5b7b224964223a226137643235346562623439643434366461336331643166393030316162393162222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363930366237393836396431613237396561393363633434305c75303032322c5c753030323261745c75303032323a313739363134323936303734372c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032325465616d5c75303032322c5c75303032327375626a65637449645c75303032323a5c753030323263376433393839303036336334643264386330323139376365363632303735395c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232637265617465645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032327b5c5c753030323269645c5c75303032323a5c5c753030323263376433393839303036336334643264386330323139376365363632303735395c5c75303032322c5c5c75303032326e616d655c5c75303032323a5c5c75303032325265766965776572735c5c75303032327d5c75303032327d222c2244656c6976657279223a7b7d7d5d7d', 5, '2026-12-01 16:36:00.749119+00');
INSERT INTO public.orleans_storage VALUES (237772970, 1120507820, 5227025341702591976, 1188218422713268401, 'greenlight', 'access.user', NULL, '\x7b2250726f66696c65223a7b224964223a226234323564356538316664613438386162313338363632393563363637643130222c224e616d65223a2252697461205265766965776572222c22456d61696c223a22526974612e5265766965776572406578616d706c652e6f7267222c224163636573734c6576656c4964223a223130633362376338316261343432336539666563316430663035653335373062222c224c6963656e7365223a225374616e64617264222c22497353797374656d41646d696e6973747261746f72223a66616c73652c22416374697665223a747275652c22416464546f4672616d65696f50726f6a65637473223a66616c73652c22486f6d6547726f75704964223a226639353432666361323461623433633261613137663265386232323566343631222c2247726f7570496473223a5b5d2c225465616d496473223a5b226337643339383930303633633464326438633032313937636536363230373539225d7d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a223361303131633231363961623435633438376466646231643362383066316464222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363930656637616664393862393061653035326432326534395c75303032322c5c753030323261745c75303032323a313739363134323936303837392c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c7530303232557365725c75303032322c5c75303032327375626a65637449645c75303032323a5c753030323262343235643565383166646134383861623133383636323935633636376431305c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232637265617465645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032327b5c5c753030323269645c5c75303032323a5c5c753030323262343235643565383166646134383861623133383636323935633636376431305c5c75303032322c5c5c75303032326e616d655c5c75303032323a5c5c7530303232526974612052657669657765725c5c75303032322c5c5c7530303232656d61696c5c5c75303032323a5c5c7530303232526974612e5265766965776572406578616d706c652e6f72675c5c75303032322c5c5c75303032326163636573734c6576656c49645c5c75303032323a5c5c753030323231306333623763383162613434323365396665633164306630356533353730625c5c75303032322c5c5c75303032326c6963656e73655c5c75303032323a5c5c75303032325374616e646172645c5c75303032322c5c5c7530303232697353797374656d41646d696e6973747261746f725c5c75303032323a66616c73652c5c5c75303032326163746976655c5c75303032323a747275652c5c5c7530303232616464546f4672616d65696f50726f6a656374735c5c75303032323a66616c73652c5c5c7530303232686f6d6547726f757049645c5c75303032323a5c5c753030323266393534326663613234616234336332616131376632653862323235663436315c5c75303032322c5c5c753030323267726f75704964735c5c75303032323a5b5d2c5c5c7530303232686f6d655465616d49645c5c75303032323a6e756c6c2c5c5c75303032327465616d4964735c5c75303032323a5b5c5c753030323263376433393839303036336334643264386330323139376365363632303735395c5c75303032325d7d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223137303331666662616566643431643439333530306337373932366165653438222c2254797065223a226163636573732e757365722d73746f726564222c225061796c6f6164223a227b5c753030323270726f66696c655c75303032323a7b5c753030323269645c75303032323a5c753030323262343235643565383166646134383861623133383636323935633636376431305c75303032322c5c75303032326e616d655c75303032323a5c7530303232526974612052657669657765725c75303032322c5c7530303232656d61696c5c75303032323a5c7530303232526974612e5265766965776572406578616d706c652e6f72675c75303032322c5c75303032326163636573734c6576656c49645c75303032323a5c753030323231306333623763383162613434323365396665633164306630356533353730625c75303032322c5c75303032326c6963656e73655c75303032323a5c75303032325374616e646172645c75303032322c5c7530303232697353797374656d41646d696e6973747261746f725c75303032323a66616c73652c5c75303032326163746976655c75303032323a747275652c5c7530303232616464546f4672616d65696f50726f6a656374735c75303032323a66616c73652c5c7530303232686f6d6547726f757049645c75303032323a5c753030323266393534326663613234616234336332616131376632653862323235663436315c75303032322c5c753030323267726f75704964735c75303032323a5b5d2c5c7530303232686f6d655465616d49645c75303032323a6e756c6c2c5c75303032327465616d4964735c75303032323a5b5c753030323263376433393839303036336334643264386330323139376365363632303735395c75303032325d7d7d222c2244656c6976657279223a7b7d7d2c7b224964223a223334666336663930333962633466356661343366303033366635353437653331222c2254797065223a226163636573732e757365722d63726561746564222c225061796c6f6164223a227b5c7530303232757365725c75303032323a7b5c753030323269645c75303032323a5c753030323262343235643565383166646134383861623133383636323935633636376431305c75303032322c5c75303032326e616d655c75303032323a5c7530303232526974612052657669657765725c75303032322c5c7530303232656d61696c5c75303032323a5c7530303232526974612e5265766965776572406578616d706c652e6f72675c75303032322c5c75303032326163636573734c6576656c49645c75303032323a5c753030323231306333623763383162613434323365396665633164306630356533353730625c75303032322c5c75303032326c6963656e73655c75303032323a5c75303032325374616e646172645c75303032322c5c7530303232697353797374656d41646d696e6973747261746f725c75303032323a66616c73652c5c75303032326163746976655c75303032323a747275652c5c7530303232616464546f4672616d65696f50726f6a656374735c75303032323a66616c73652c5c7530303232686f6d6547726f757049645c75303032323a5c753030323266393534326663613234616234336332616131376632653862323235663436315c75303032322c5c753030323267726f75704964735c75303032323a5b5d2c5c7530303232686f6d655465616d49645c75303032323a6e756c6c2c5c75303032327465616d4964735c75303032323a5b5c753030323263376433393839303036336334643264386330323139376365363632303735395c75303032325d7d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:00.886277+00');
INSERT INTO public.orleans_storage VALUES (2074199766, 2007791617, -7911927747379769399, 8977826271843044071, 'greenlight', 'work.program', NULL, '\x7b22457869737473223a747275652c224e616d65223a224c61756e6368222c224f776e65724964223a223831356462323461396666363434336639313331303163353961353365363339222c22506f7274666f6c696f4964223a223038646634666339326634663537623235386534646530323033336438626534222c22556e73656e74223a5b7b224964223a223732623330343937343838383430313061643334306339613330343765316565222c2254797065223a22776f726b2e636174616c6f672d656e7472792d63726561746564222c225061796c6f6164223a227b5c7530303232747970655c75303032323a5c753030323250726f6772616d5c75303032322c5c753030323269645c75303032323a5c753030323230386466346663393266613239323333653763613566376336646135393737635c75303032322c5c75303032326372656174656442795c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a226431653736343863333263373434303961383961323639383530386431386532222c2254797065223a22776f726b2e6f626a6563742d696e6465786564222c225061796c6f6164223a227b5c7530303232747970655c75303032323a5c753030323250726f6772616d5c75303032322c5c753030323269645c75303032323a5c753030323230386466346663393266613239323333653763613566376336646135393737635c75303032322c5c753030323270726f6a65637449645c75303032323a6e756c6c2c5c7530303232706172656e7449645c75303032323a5c753030323230386466346663393266346635376232353865346465303230333364386265345c75303032322c5c75303032326e616d655c75303032323a5c75303032324c61756e63685c75303032322c5c75303032327374617475735c75303032323a6e756c6c7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:01.632556+00');
INSERT INTO public.orleans_storage VALUES (-252933159, 293392503, 0, 0, 'greenlight', 'access.object', 'Program:08df4fc92fa29233e7ca5f7c6da5977c', '\x7b2252656769737465726564223a747275652c22506172656e744b6579223a22506f7274666f6c696f3a3038646634666339326634663537623235386534646530323033336438626534222c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d5d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a223832643034636365366464333438363638313263663035663536613535363361222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363933663837616666386665616136666238623933376632395c75303032322c5c753030323261745c75303032323a313739363134323936313635362c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c753030323250726f6772616d3a30386466346663393266613239323333653763613566376336646135393737635c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232726567697374657265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223036366566653962663932353433303238383535656236626138356439313133222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c753030323250726f6772616d3a30386466346663393266613239323333653763613566376336646135393737635c75303032322c5c7530303232706172656e744b65795c75303032323a5c7530303232506f7274666f6c696f3a30386466346663393266346635376232353865346465303230333364386265345c75303032322c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d5d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:01.666733+00');
INSERT INTO public.orleans_storage VALUES (1757858616, 1003579337, -2722654990842769463, 7285650444309807202, 'greenlight', 'frameconnector.project-mirror', NULL, '\x7b22547261636b6564223a747275652c224e616d65223a22506f73746572222c2247726f75704964223a223132383739356466333938663464626239383465366263313061356237613839222c22537461747573223a22506c616e6e696e67222c224f776e65724964223a223831356462323461396666363434336639313331303163353961353365363339222c224d656d62657273223a7b7d2c224465616374697661746564223a5b5d2c224672616d65696f223a7b224d656d62657273223a7b7d2c2252656d6f76656446726f6d4163636f756e74223a5b5d2c224177616974696e67496e76697465223a7b7d2c224177616974696e6752656d6f76616c223a7b7d7d2c22417474656d707473223a7b7d2c225061726b6564223a7b7d2c224e6f746966696564223a5b5d2c22517565756564223a5b5d2c225472696573223a7b7d2c22537475636b5265706f72746564223a22222c22556e73656e74223a5b5d7d', 1, '2026-12-01 16:36:02.034643+00');
INSERT INTO public.orleans_storage VALUES (961296905, 293392503, 0, 0, 'greenlight', 'access.object', 'Portfolio:08df4fc92f4f57b258e4de02033d8be4', '\x7b2252656769737465726564223a747275652c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d5d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a223861306131386465356233343430653839356162353036336661616663613462222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363932653337636437613863663931653232656364393461395c75303032322c5c753030323261745c75303032323a313739363134323936313337392c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c7530303232506f7274666f6c696f3a30386466346663393266346635376232353865346465303230333364386265345c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232726567697374657265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223264356635306463383864623461663461396237336463656633613065643338222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c7530303232506f7274666f6c696f3a30386466346663393266346635376232353865346465303230333364386265345c75303032322c5c7530303232706172656e744b65795c75303032323a6e756c6c2c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d5d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:01.465526+00');
INSERT INTO public.orleans_storage VALUES (-1272796613, 293392503, 0, 0, 'greenlight', 'access.object', 'Project:08df4fc92fb6da3762c0c0627ad41b65', '\x7b2252656769737465726564223a747275652c22506172656e744b6579223a2250726f6772616d3a3038646634666339326661323932333365376361356637633664613539373763222c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d2c7b224b696e64223a2255736572222c224772616e7465654964223a226234323564356538316664613438386162313338363632393563363637643130222c225065726d697373696f6e223a22436f6e74726962757465222c225368617265644279223a223831356462323461396666363434336639313331303163353961353365363339227d2c7b224b696e64223a225465616d222c224772616e7465654964223a226337643339383930303633633464326438633032313937636536363230373539222c225065726d697373696f6e223a2256696577222c225368617265644279223a223831356462323461396666363434336639313331303163353961353365363339227d5d2c2256657273696f6e223a332c22556e73656e74223a5b7b224964223a223635373130343366653130303437383439316266363338323063313032316264222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363936383837613236383036303663313462333966616664665c75303032322c5c753030323261745c75303032323a313739363134323936323331322c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c753030323250726f6a6563743a30386466346663393266623664613337363263306330363237616434316236355c75303032322c5c7530303232616374696f6e5c75303032323a5c75303032327368617265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d2c7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323262343235643565383166646134383861623133383636323935633636376431305c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c7530303232436f6e747269627574655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032327d5d5c75303032322c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d2c7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323262343235643565383166646134383861623133383636323935633636376431305c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c7530303232436f6e747269627574655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032327d2c7b5c5c75303032326b696e645c5c75303032323a5c5c75303032325465616d5c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323263376433393839303036336334643264386330323139376365363632303735395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c7530303232566965775c5c75303032322c5c5c753030323273686172656442795c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032327d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223961636430323865613765333436626338383461663266376263623661353361222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c753030323250726f6a6563743a30386466346663393266623664613337363263306330363237616434316236355c75303032322c5c7530303232706172656e744b65795c75303032323a5c753030323250726f6772616d3a30386466346663393266613239323333653763613566376336646135393737635c75303032322c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d2c7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323262343235643565383166646134383861623133383636323935633636376431305c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c7530303232436f6e747269627574655c75303032322c5c753030323273686172656442795c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032327d2c7b5c75303032326b696e645c75303032323a5c75303032325465616d5c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323263376433393839303036336334643264386330323139376365363632303735395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c7530303232566965775c75303032322c5c753030323273686172656442795c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032327d5d7d222c2244656c6976657279223a7b7d7d5d7d', 3, '2026-12-01 16:36:02.314443+00');
INSERT INTO public.orleans_storage VALUES (-1152758144, -1848426218, 0, 0, 'greenlight', 'review.templates', 'organization', '\x7b2254656d706c61746573223a7b223031613233323736393732383737353761663639333335376438313463336238223a7b224964223a223031613233323736393732383737353761663639333335376438313463336238222c224e616d65223a224c6567616c206f6e6c79222c22537461676573223a5b7b224e616d65223a224c6567616c222c225061727469636970616e7473223a5b7b224b696e64223a2255736572222c224964223a226234323564356538316664613438386162313338363632393563363637643130222c22526f6c65223a22417070726f766572227d5d2c224f6e6c794f6e654465636973696f6e223a66616c73657d5d2c22437265617465644279223a223831356462323461396666363434336639313331303163353961353365363339222c22437265617465644174223a22323032362d31322d30315431363a33363a30322e343732393539342b30303a3030227d7d2c22556e73656e74223a5b5d7d', 1, '2026-12-01 16:36:02.498258+00');
INSERT INTO public.orleans_storage VALUES (942351323, 293392503, 0, 0, 'greenlight', 'access.object', 'Task:08df4fc92fdb8249774d0ecd79c30bd5', '\x7b2252656769737465726564223a747275652c22506172656e744b6579223a2250726f6a6563743a3038646634666339326662366461333736326330633036323761643431623635222c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d5d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a223161633732376134643332383438376238336162313932646433373936373462222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363935376537333465393530666364303238323732316163665c75303032322c5c753030323261745c75303032323a313739363134323936323034362c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c75303032325461736b3a30386466346663393266646238323439373734643065636437396333306264355c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232726567697374657265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a226532313062323134663138383430363361386637643930656463363633363234222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c75303032325461736b3a30386466346663393266646238323439373734643065636437396333306264355c75303032322c5c7530303232706172656e744b65795c75303032323a5c753030323250726f6a6563743a30386466346663393266623664613337363263306330363237616434316236355c75303032322c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d5d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:02.047355+00');
INSERT INTO public.orleans_storage VALUES (277251917, 293392503, 0, 0, 'greenlight', 'access.object', 'Issue:08df4fc92fe8543857219d5ffbb3f57e', '\x7b2252656769737465726564223a747275652c22506172656e744b6579223a225461736b3a3038646634666339326664623832343937373464306563643739633330626435222c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d5d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a223635303966366164373435643430663262393235386630633633333663643033222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363935613237383133613432333234666339386361633364345c75303032322c5c753030323261745c75303032323a313739363134323936323038322c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c753030323249737375653a30386466346663393266653835343338353732313964356666626233663537655c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232726567697374657265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223663393562643237393432313438346138343432643039393863633234373534222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c753030323249737375653a30386466346663393266653835343338353732313964356666626233663537655c75303032322c5c7530303232706172656e744b65795c75303032323a5c75303032325461736b3a30386466346663393266646238323439373734643065636437396333306264355c75303032322c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d5d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:02.083861+00');
INSERT INTO public.orleans_storage VALUES (-1644369651, 641041511, 8937560388743082614, -8021576793221729628, 'greenlight', 'review.approval', NULL, '\x7b22457869737473223a747275652c2250726f6a6563744964223a223038646634666339326662366461333736326330633036323761643431623635222c2247726f75704964223a223132383739356466333938663464626239383465366263313061356237613839222c22446f63756d656e74496473223a5b223038646634666339326666323139613332663733646261396539373863653736225d2c2253746f726564496e4672616d65696f223a66616c73652c224d657373616765223a22506c65617365207265766965772074686520706f737465722e222c224d6573736167654564697473223a302c22446f63756d656e7456657273696f6e73223a7b223038646634666339326666323139613332663733646261396539373863653736223a327d2c2250726f6a6563744e616d65223a22506f73746572222c22446f63756d656e744e616d6573223a7b223038646634666339326666323139613332663733646261396539373863653736223a22706f737465722e747874227d2c22437265617465644279223a223831356462323461396666363434336639313331303163353961353365363339222c22536f75726365223a22477265656e6c69676874222c22437265617465644174223a22323032362d31322d30315431363a33363a30322e363830343032392b30303a3030222c22526f756e64537461727465644174223a22323032362d31322d30315431363a33363a30322e363830343138342b30303a3030222c22436f6d706c657465644174223a22323032362d31322d30315431363a33363a30332e303638373532382b30303a3030222c225265766973696f6e73223a302c22537461747573223a22417070726f766564576974684368616e676573222c225061746873223a5b7b22537461676573223a5b7b224e616d65223a224c6567616c222c224f6e6c794f6e654465636973696f6e223a66616c73652c225061727469636970616e7473223a5b7b224b696e64223a2255736572222c224964223a226234323564356538316664613438386162313338363632393563363637643130222c22526f6c65223a22417070726f766572222c224d656d62657273223a5b5d2c224465636973696f6e223a22417070726f766564576974684368616e676573222c22446563696465644279223a226234323564356538316664613438386162313338363632393563363637643130222c22446563696465644174223a22323032362d31322d30315431363a33363a30332e303533343034362b30303a3030222c22526576696577436f6d706c657465223a66616c73652c224861734163746564223a747275657d5d2c22537461747573223a22436f6d706c65746564222c224f70656e65644174223a22323032362d31322d30315431363a33363a30322e373132323037372b30303a3030227d5d2c22497346696e6973686564223a747275652c224e65656473576f726b223a66616c73657d5d2c224465636973696f6e73223a5b7b225265766973696f6e223a302c22446563696465644279223a226234323564356538316664613438386162313338363632393563363637643130222c224465636973696f6e223a22417070726f766564576974684368616e676573222c2253746167654f70656e65644174223a22323032362d31322d30315431363a33363a30322e373132323037372b30303a3030222c22446563696465644174223a22323032362d31322d30315431363a33363a30332e303533343034362b30303a3030227d5d2c2249734f70656e223a66616c73652c22556e73656e74223a5b7b224964223a223437663539633838356438343466316339373235613136666163663930343936222c2254797065223a227265766965772e6576656e742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363939366430303030303030303030303337623861326130615c75303032322c5c75303032326576656e745c75303032323a7b5c7530303232617070726f76616c49645c75303032323a5c753030323230316132333237363937643237633038613437323830316436386132616439305c75303032322c5c7530303232646f63756d656e7449645c75303032323a6e756c6c2c5c753030323270726f6a65637449645c75303032323a5c753030323230386466346663393266623664613337363263306330363237616434316236355c75303032322c5c75303032326576656e745c75303032323a5c75303032324465636973696f6e5c75303032322c5c75303032326163746f725c75303032323a5c753030323262343235643565383166646134383861623133383636323935633636376431305c75303032322c5c7530303232736f757263655c75303032323a5c7530303232477265656e6c696768745c75303032322c5c753030323261745c75303032323a5c7530303232323032362d31322d30315431363a33363a30332e3035333836315c753030324230303a30305c75303032322c5c753030323264657461696c5c75303032323a5c7530303232417070726f766564576974684368616e6765733a20426967676572206c6f676f2e5c75303032327d7d222c2244656c6976657279223a7b7d7d2c7b224964223a223763373963356239373565333433313439363266643237376562656661376630222c2254797065223a227265766965772e6576656e742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363939376230303030303030303030303432626234663465655c75303032322c5c75303032326576656e745c75303032323a7b5c7530303232617070726f76616c49645c75303032323a5c753030323230316132333237363937643237633038613437323830316436386132616439305c75303032322c5c7530303232646f63756d656e7449645c75303032323a6e756c6c2c5c753030323270726f6a65637449645c75303032323a5c753030323230386466346663393266623664613337363263306330363237616434316236355c75303032322c5c75303032326576656e745c75303032323a5c75303032325374616765436f6d706c657465645c75303032322c5c75303032326163746f725c75303032323a5c753030323273797374656d5c75303032322c5c7530303232736f757263655c75303032323a5c7530303232477265656e6c696768745c75303032322c5c753030323261745c75303032323a5c7530303232323032362d31322d30315431363a33363a30332e303637383532385c753030324230303a30305c75303032322c5c753030323264657461696c5c75303032323a5c75303032324c6567616c5c75303032327d7d222c2244656c6976657279223a7b7d7d2c7b224964223a226166613837646532323834383432653139323430343065313633346232326262222c2254797065223a227265766965772e6576656e742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363939376630303030303030303030303530396239613564645c75303032322c5c75303032326576656e745c75303032323a7b5c7530303232617070726f76616c49645c75303032323a5c753030323230316132333237363937643237633038613437323830316436386132616439305c75303032322c5c7530303232646f63756d656e7449645c75303032323a6e756c6c2c5c753030323270726f6a65637449645c75303032323a5c753030323230386466346663393266623664613337363263306330363237616434316236355c75303032322c5c75303032326576656e745c75303032323a5c7530303232436f6d706c657465645c75303032322c5c75303032326163746f725c75303032323a5c753030323273797374656d5c75303032322c5c7530303232736f757263655c75303032323a5c7530303232477265656e6c696768745c75303032322c5c753030323261745c75303032323a5c7530303232323032362d31322d30315431363a33363a30332e303731313839315c753030324230303a30305c75303032322c5c753030323264657461696c5c75303032323a5c7530303232417070726f766564576974684368616e6765735c75303032327d7d222c2244656c6976657279223a7b7d7d2c7b224964223a226630626231353437363830643431636461376233376163323061323666383363222c2254797065223a227265766965772e617070726f76616c2d6f70656e2d6368616e676564222c225061796c6f6164223a227b5c7530303232617070726f76616c49645c75303032323a5c753030323230316132333237363937643237633038613437323830316436386132616439305c75303032322c5c753030323270726f6a65637449645c75303032323a5c753030323230386466346663393266623664613337363263306330363237616434316236355c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223330653666623063643838663437626638616133623465373237383636653430222c2254797065223a227265766965772e617070726f76616c2d66696e6973686564222c225061796c6f6164223a227b5c7530303232617070726f76616c49645c75303032323a5c753030323230316132333237363937643237633038613437323830316436386132616439305c75303032322c5c753030323270726f6a65637449645c75303032323a5c753030323230386466346663393266623664613337363263306330363237616434316236355c75303032322c5c7530303232646f63756d656e744964735c75303032323a5b5c753030323230386466346663393266663231396133326637336462613965393738636537365c75303032325d2c5c75303032327374617475735c75303032323a5c7530303232417070726f766564576974684368616e6765735c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a226362303134636365336234313435333962333136323838313862653064636666222c2254797065223a227265766965772e617070726f76616c2d726f7773222c225061796c6f6164223a227b5c7530303232617070726f76616c49645c75303032323a5c753030323230316132333237363937643237633038613437323830316436386132616439305c75303032322c5c753030323270726f6a65637449645c75303032323a5c753030323230386466346663393266623664613337363263306330363237616434316236355c75303032322c5c753030323267726f757049645c75303032323a5c753030323231323837393564663339386634646262393834653662633130613562376138395c75303032322c5c75303032327374617475735c75303032323a5c7530303232417070726f766564576974684368616e6765735c75303032322c5c753030323269734f70656e5c75303032323a66616c73652c5c75303032326372656174656441745c75303032323a5c7530303232323032362d31322d30315431363a33363a30322e363830343032395c753030324230303a30305c75303032322c5c7530303232666972737444756541745c75303032323a6e756c6c2c5c7530303232636f6d706c6574656441745c75303032323a5c7530303232323032362d31322d30315431363a33363a30332e303638373532385c753030324230303a30305c75303032322c5c75303032327265766973696f6e735c75303032323a302c5c7530303232646f63756d656e744964735c75303032323a5b5c753030323230386466346663393266663231396133326637336462613965393738636537365c75303032325d2c5c753030323277616974696e675c75303032323a5b5d2c5c75303032326465636973696f6e735c75303032323a5b7b5c75303032327265766973696f6e5c75303032323a302c5c75303032326465636964656442795c75303032323a5c753030323262343235643565383166646134383861623133383636323935633636376431305c75303032322c5c75303032326465636973696f6e5c75303032323a5c7530303232417070726f766564576974684368616e6765735c75303032322c5c753030323273746167654f70656e656441745c75303032323a5c7530303232323032362d31322d30315431363a33363a30322e373132323037375c753030324230303a30305c75303032322c5c75303032326465636964656441745c75303032323a5c7530303232323032362d31322d30315431363a33363a30332e303533343034365c753030324230303a30305c75303032327d5d2c5c7530303232646f63756d656e744e616d65735c75303032323a7b5c753030323230386466346663393266663231396133326637336462613965393738636537365c75303032323a5c7530303232706f737465722e7478745c75303032327d7d222c2244656c6976657279223a7b7d7d5d7d', 2, '2026-12-01 16:36:03.077056+00');
INSERT INTO public.orleans_storage VALUES (1741088636, 293392503, 0, 0, 'greenlight', 'access.object', 'DocumentFolder:08df4fc92feda7cb51cfa1abefb7cdf5', '\x7b2252656769737465726564223a747275652c22506172656e744b6579223a2250726f6a6563743a3038646634666339326662366461333736326330633036323761643431623635222c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d5d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a226137663532633031353266393465343938613438393261306662373032383664222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363935633137343864626237616165386130623431626663655c75303032322c5c753030323261745c75303032323a313739363134323936323131332c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c7530303232446f63756d656e74466f6c6465723a30386466346663393266656461376362353163666131616265666237636466355c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232726567697374657265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a226362323039343833376439353431336362356238663433643363346530636135222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c7530303232446f63756d656e74466f6c6465723a30386466346663393266656461376362353163666131616265666237636466355c75303032322c5c7530303232706172656e744b65795c75303032323a5c753030323250726f6a6563743a30386466346663393266623664613337363263306330363237616434316236355c75303032322c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d5d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:02.115554+00');
INSERT INTO public.orleans_storage VALUES (-725932029, 293392503, 0, 0, 'greenlight', 'access.object', 'Document:08df4fc92ff219a32f73dba9e978ce76', '\x7b2252656769737465726564223a747275652c22506172656e744b6579223a22446f63756d656e74466f6c6465723a3038646634666339326665646137636235316366613161626566623763646635222c22496e686572697473223a747275652c224772616e7473223a5b7b224b696e64223a2255736572222c224772616e7465654964223a223831356462323461396666363434336639313331303163353961353365363339222c225065726d697373696f6e223a224d616e616765227d5d2c2256657273696f6e223a312c22556e73656e74223a5b7b224964223a226332643834663062306435333430373438303031623863623930383361613961222c2254797065223a226163636573732e61756469742d7265636f72646564222c225061796c6f6164223a227b5c753030323269645c75303032323a5c753030323230316132333237363936303137343636383561323837383232633863346366325c75303032322c5c753030323261745c75303032323a313739363134323936323137372c5c75303032326163746f7249645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327375626a6563745c75303032323a5c75303032324f626a6563745c75303032322c5c75303032327375626a65637449645c75303032323a5c7530303232446f63756d656e743a30386466346663393266663231396133326637336462613965393738636537365c75303032322c5c7530303232616374696f6e5c75303032323a5c7530303232726567697374657265645c75303032322c5c75303032326265666f72654a736f6e5c75303032323a6e756c6c2c5c753030323261667465724a736f6e5c75303032323a5c75303032325b7b5c5c75303032326b696e645c5c75303032323a5c5c7530303232557365725c5c75303032322c5c5c75303032326772616e74656549645c5c75303032323a5c5c753030323238313564623234613966663634343366393133313031633539613533653633395c5c75303032322c5c5c75303032327065726d697373696f6e5c5c75303032323a5c5c75303032324d616e6167655c5c75303032322c5c5c753030323273686172656442795c5c75303032323a6e756c6c7d5d5c75303032327d222c2244656c6976657279223a7b7d7d2c7b224964223a223961656564366335383833633432343539303766376239396561623530313133222c2254797065223a226163636573732e736563757265642d6f626a6563742d73746f726564222c225061796c6f6164223a227b5c75303032326b65795c75303032323a5c7530303232446f63756d656e743a30386466346663393266663231396133326637336462613965393738636537365c75303032322c5c7530303232706172656e744b65795c75303032323a5c7530303232446f63756d656e74466f6c6465723a30386466346663393266656461376362353163666131616265666237636466355c75303032322c5c75303032326772616e74735c75303032323a5b7b5c75303032326b696e645c75303032323a5c7530303232557365725c75303032322c5c75303032326772616e74656549645c75303032323a5c753030323238313564623234613966663634343366393133313031633539613533653633395c75303032322c5c75303032327065726d697373696f6e5c75303032323a5c75303032324d616e6167655c75303032322c5c753030323273686172656442795c75303032323a6e756c6c7d5d7d222c2244656c6976657279223a7b7d7d5d7d', 1, '2026-12-01 16:36:02.178716+00');
INSERT INTO public.orleans_storage VALUES (1757858616, 439568116, -2722654990842769463, 7285650444309807202, 'greenlight', 'work.project', NULL, '\x7b22457869737473223a747275652c224e616d65223a22506f73746572222c2247726f75704964223a223132383739356466333938663464626239383465366263313061356237613839222c224f776e65724964223a223831356462323461396666363434336639313331303163353961353365363339222c2250726f6772616d4964223a223038646634666339326661323932333365376361356637633664613539373763222c22506f7274666f6c696f4964223a223038646634666339326634663537623235386534646530323033336438626534222c22537461747573223a22506c616e6e696e67222c224f70656e417070726f76616c73223a5b5d2c22536574746c65644d6f766573223a7b7d2c22556e73656e74223a5b5d7d', 8, '2026-12-01 16:36:03.546746+00');


--
-- Data for Name: orleansquery; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.orleansquery VALUES ('WriteToStorageKey', '
WITH updated AS (
    UPDATE orleans_storage
       SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_extension, payload, version)
    SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @ServiceId, @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted) AS "NewGrainStateVersion"
');
INSERT INTO public.orleansquery VALUES ('ReadFromStorageKey', '
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
');
INSERT INTO public.orleansquery VALUES ('ClearStorageKey', '
UPDATE orleans_storage
   SET payload = NULL, version = version + 1, modified_at = now()
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
');
INSERT INTO public.orleansquery VALUES ('DeleteStorageKey', '
DELETE FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
');
INSERT INTO public.orleansquery VALUES ('ReadReminderRowsKey', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId
');
INSERT INTO public.orleansquery VALUES ('ReadReminderRowKey', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
');
INSERT INTO public.orleansquery VALUES ('ReadRangeRows1Key', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
');
INSERT INTO public.orleansquery VALUES ('ReadRangeRows2Key', '
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
');
INSERT INTO public.orleansquery VALUES ('UpsertReminderRowKey', '
INSERT INTO orleans_reminders AS r
    (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET grain_hash = excluded.grain_hash, start_time = excluded.start_time,
       period_ms = excluded.period_ms, version = r.version + 1
RETURNING r.version AS "Version"
');
INSERT INTO public.orleansquery VALUES ('DeleteReminderRowKey', '
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT count(*) AS "Deleted" FROM deleted
');
INSERT INTO public.orleansquery VALUES ('DeleteReminderRowsKey', '
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
');
INSERT INTO public.orleansquery VALUES ('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) AS "Inserted" FROM inserted
');
INSERT INTO public.orleansquery VALUES ('InsertMembershipKey', '
WITH expected AS (
    SELECT deployment_id FROM orleans_membership_version
     WHERE deployment_id = @DeploymentId AND version = @Version
       FOR UPDATE
), inserted AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM expected
    ON CONFLICT DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, changed_at = now()
      FROM inserted
     WHERE v.deployment_id = inserted.deployment_id
    RETURNING 1
)
SELECT count(*) AS "Inserted" FROM bumped
');
INSERT INTO public.orleansquery VALUES ('UpdateMembershipKey', '
WITH expected AS (
    SELECT deployment_id FROM orleans_membership_version
     WHERE deployment_id = @DeploymentId AND version = @Version
       FOR UPDATE
), updated AS (
    UPDATE orleans_membership AS m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM expected
     WHERE m.deployment_id = expected.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, changed_at = now()
      FROM updated
     WHERE v.deployment_id = updated.deployment_id
    RETURNING 1
)
SELECT count(*) AS "Updated" FROM bumped
');
INSERT INTO public.orleansquery VALUES ('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
');
INSERT INTO public.orleansquery VALUES ('MembershipReadRowKey', '
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
');
INSERT INTO public.orleansquery VALUES ('MembershipReadAllKey', '
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
');
INSERT INTO public.orleansquery VALUES ('GatewaysQueryKey', '
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
');
INSERT INTO public.orleansquery VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
');
INSERT INTO public.orleansquery VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
');
INSERT INTO public.orleansquery VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
');


--
-- Data for Name: outbox_messages; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox_messages VALUES ('1147503b24e14deab9671c7bb05f632d', 'review.email-due', 'Greenlight.Modules.Review.Notifications.EmailDueHandler', '{"userId":"b425d5e81fda488ab13866295c667d10","subject":"Approval stage open: Legal (poster.txt in Poster)","body":"Approval stage open: Legal (poster.txt in Poster)\n\nDocuments: poster.txt\nProject: Poster\nStage: Legal, no due date\nThe stage waits for you.\n\nOpen the approval: /api/v1/approvals/01a2327697d27c08a472801d68a2ad90\nposter.txt: /api/v1/projects/08df4fc92fb6da3762c0c0627ad41b65/documents/08df4fc92ff219a32f73dba9e978ce76\nPoster: /api/v1/projects/08df4fc92fb6da3762c0c0627ad41b65\n\nMessage:\nPlease review the poster.\n"}', 'review:01a2327697d27c08a472801d68a2ad90:r0:p0:s0:open:b425d5e81fda488ab13866295c667d10', 1796142962872, 1796142964185, 1, 'InvalidOperationException: Email:Host and Email:From must be set to send email.', NULL, NULL, NULL);


--
-- Data for Name: review_approval_documents; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.review_approval_documents VALUES ('08df4fc92ff219a32f73dba9e978ce76', '01a2327697d27c08a472801d68a2ad90', 0, 'poster.txt');


--
-- Data for Name: review_approvals; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.review_approvals VALUES ('01a2327697d27c08a472801d68a2ad90', '08df4fc92fb6da3762c0c0627ad41b65', '128795df398f4dbb984e6bc10a5b7a89', 'ApprovedWithChanges', 0, 1796142962680, NULL, 1796142963068, 0);


--
-- Data for Name: review_decisions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.review_decisions VALUES ('01a2327697d27c08a472801d68a2ad90', 0, 'b425d5e81fda488ab13866295c667d10', '08df4fc92fb6da3762c0c0627ad41b65', '128795df398f4dbb984e6bc10a5b7a89', 'ApprovedWithChanges', 1796142962712, 1796142963053);


--
-- Data for Name: review_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.review_events VALUES ('01a2327697f9000000000001481c1dc3', '01a2327697d27c08a472801d68a2ad90', NULL, '08df4fc92fb6da3762c0c0627ad41b65', 'Created', '815db24a9ff6443f913101c59a53e639', 'Greenlight', 1796142962681, 'Please review the poster.');
INSERT INTO public.review_events VALUES ('01a23276981b00000000000248c49b93', '01a2327697d27c08a472801d68a2ad90', NULL, '08df4fc92fb6da3762c0c0627ad41b65', 'StageOpened', 'system', 'Greenlight', 1796142962715, 'Legal');
INSERT INTO public.review_events VALUES ('01a23276996d0000000000037b8a2a0a', '01a2327697d27c08a472801d68a2ad90', NULL, '08df4fc92fb6da3762c0c0627ad41b65', 'Decision', 'b425d5e81fda488ab13866295c667d10', 'Greenlight', 1796142963053, 'ApprovedWithChanges: Bigger logo.');
INSERT INTO public.review_events VALUES ('01a23276997b0000000000042bb4f4ee', '01a2327697d27c08a472801d68a2ad90', NULL, '08df4fc92fb6da3762c0c0627ad41b65', 'StageCompleted', 'system', 'Greenlight', 1796142963067, 'Legal');
INSERT INTO public.review_events VALUES ('01a23276997f00000000000509b9a5dd', '01a2327697d27c08a472801d68a2ad90', NULL, '08df4fc92fb6da3762c0c0627ad41b65', 'Completed', 'system', 'Greenlight', 1796142963071, 'ApprovedWithChanges');


--
-- Data for Name: review_frameio_documents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: review_open_documents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: review_rollups; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'completed', 0, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'completed-week', 1795996800000, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'completed-week-ms', 1795996800000, 388);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'decision:ApprovedWithChanges', 0, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'duration-bucket', 0, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'duration-ms', 0, 388);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 0, 'open', 0, 0);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'completed', 0, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'completed-week', 1795996800000, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'completed-week-ms', 1795996800000, 388);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'decision:ApprovedWithChanges', 0, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'duration-bucket', 0, 1);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'duration-ms', 0, 388);
INSERT INTO public.review_rollups VALUES ('group:128795df398f4dbb984e6bc10a5b7a89', 1795996800000, 'open', 0, 0);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'completed', 0, 1);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'completed-week', 1795996800000, 1);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'completed-week-ms', 1795996800000, 388);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'decision:ApprovedWithChanges', 0, 1);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'duration-bucket', 0, 1);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'duration-ms', 0, 388);
INSERT INTO public.review_rollups VALUES ('organization', 0, 'open', 0, 0);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'completed', 0, 1);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'completed-week', 1795996800000, 1);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'completed-week-ms', 1795996800000, 388);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'decision:ApprovedWithChanges', 0, 1);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'duration-bucket', 0, 1);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'duration-ms', 0, 388);
INSERT INTO public.review_rollups VALUES ('organization', 1795996800000, 'open', 0, 0);


--
-- Data for Name: review_waiting; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES ('kernel-0002-outbox', 1796142956824);
INSERT INTO public.schema_migrations VALUES ('kernel-0003-organization-and-tokens', 1796142956834);
INSERT INTO public.schema_migrations VALUES ('kernel-0004-data-protection-keys', 1796142956835);
INSERT INTO public.schema_migrations VALUES ('kernel-0005-orleans-queries', 1796142956837);
INSERT INTO public.schema_migrations VALUES ('kernel-0006-orleans-persistence', 1796142956838);
INSERT INTO public.schema_migrations VALUES ('kernel-0007-orleans-reminders', 1796142956840);
INSERT INTO public.schema_migrations VALUES ('kernel-0008-orleans-clustering', 1796142956842);
INSERT INTO public.schema_migrations VALUES ('kernel-0009-handed-on-messages', 1796142956846);
INSERT INTO public.schema_migrations VALUES ('access-0001-users-and-audit', 1796142956852);
INSERT INTO public.schema_migrations VALUES ('access-0002-secured-objects', 1796142956861);
INSERT INTO public.schema_migrations VALUES ('access-0003-grant-sharers', 1796142956864);
INSERT INTO public.schema_migrations VALUES ('frameconnector-0001-links', 1796142956865);
INSERT INTO public.schema_migrations VALUES ('frameconnector-0002-mirror-items', 1796142956866);
INSERT INTO public.schema_migrations VALUES ('frameconnector-0003-stuck', 1796142956867);
INSERT INTO public.schema_migrations VALUES ('review-0001-approvals', 1796142956872);
INSERT INTO public.schema_migrations VALUES ('review-0002-report-rollups', 1796142956874);
INSERT INTO public.schema_migrations VALUES ('work-0001-objects', 1796142956876);
INSERT INTO public.schema_migrations VALUES ('work-0002-document-chunks', 1796142956877);
INSERT INTO public.schema_migrations VALUES ('work-0003-items', 1796142956878);


--
-- Data for Name: work_document_chunks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.work_document_chunks VALUES ('08df4fc92ff28bb2aec73e0b5dad102a', 0, '\x6669727374206472616674');
INSERT INTO public.work_document_chunks VALUES ('08df4fc92ffb68526af4b81dec1057c7', 0, '\x7365636f6e64206472616674');


--
-- Data for Name: work_items; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.work_items VALUES ('08df4fc92fdb8249774d0ecd79c30bd5', '08df4fc92fb6da3762c0c0627ad41b65', '{"$kind":"task","status":"New","parentTaskId":null,"plannedStart":"2026-03-02","plannedEnd":"2026-03-06","completedAt":null,"description":null,"assignees":[],"name":"Draw"}');
INSERT INTO public.work_items VALUES ('08df4fc92fe8543857219d5ffbb3f57e', '08df4fc92fb6da3762c0c0627ad41b65', '{"$kind":"issue","status":"New","taskId":"08df4fc92fdb8249774d0ecd79c30bd5","description":null,"assignees":[],"name":"Colours off"}');
INSERT INTO public.work_items VALUES ('08df4fc92feda7cb51cfa1abefb7cdf5', '08df4fc92fb6da3762c0c0627ad41b65', '{"$kind":"folder","parentFolderId":null,"name":"Drafts"}');
INSERT INTO public.work_items VALUES ('08df4fc92ff219a32f73dba9e978ce76', '08df4fc92fb6da3762c0c0627ad41b65', '{"$kind":"document","folderId":"08df4fc92feda7cb51cfa1abefb7cdf5","taskId":null,"versions":[{"number":1,"contentId":"08df4fc92ff28bb2aec73e0b5dad102a","size":11,"contentType":"text/plain","uploadedBy":"815db24a9ff6443f913101c59a53e639","uploadedAt":"2026-12-01T16:36:02.1407048+00:00"},{"number":2,"contentId":"08df4fc92ffb68526af4b81dec1057c7","size":12,"contentType":"text/plain","uploadedBy":"815db24a9ff6443f913101c59a53e639","uploadedAt":"2026-12-01T16:36:02.1950206+00:00"}],"name":"poster.txt"}');


--
-- Data for Name: work_objects; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.work_objects VALUES ('08df4fc92f4f57b258e4de02033d8be4', 'Portfolio', NULL, NULL, 'Spring', NULL, 1796142961176);
INSERT INTO public.work_objects VALUES ('08df4fc92fa29233e7ca5f7c6da5977c', 'Program', NULL, '08df4fc92f4f57b258e4de02033d8be4', 'Launch', NULL, 1796142961639);
INSERT INTO public.work_objects VALUES ('08df4fc92fb6da3762c0c0627ad41b65', 'Project', '08df4fc92fb6da3762c0c0627ad41b65', '08df4fc92fa29233e7ca5f7c6da5977c', 'Poster', 'PLN', 1796142961831);
INSERT INTO public.work_objects VALUES ('08df4fc92fdb8249774d0ecd79c30bd5', 'Task', '08df4fc92fb6da3762c0c0627ad41b65', NULL, 'Draw', 'New', 1796142962035);
INSERT INTO public.work_objects VALUES ('08df4fc92fe8543857219d5ffbb3f57e', 'Issue', '08df4fc92fb6da3762c0c0627ad41b65', '08df4fc92fdb8249774d0ecd79c30bd5', 'Colours off', 'New', 1796142962075);
INSERT INTO public.work_objects VALUES ('08df4fc92feda7cb51cfa1abefb7cdf5', 'DocumentFolder', '08df4fc92fb6da3762c0c0627ad41b65', NULL, 'Drafts', NULL, 1796142962108);
INSERT INTO public.work_objects VALUES ('08df4fc92ff219a32f73dba9e978ce76', 'Document', '08df4fc92fb6da3762c0c0627ad41b65', '08df4fc92feda7cb51cfa1abefb7cdf5', 'poster.txt', NULL, 1796142962198);


--
-- Name: access_audit access_audit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_audit
    ADD CONSTRAINT access_audit_pkey PRIMARY KEY (id);


--
-- Name: access_object_grantees access_object_grantees_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_object_grantees
    ADD CONSTRAINT access_object_grantees_pkey PRIMARY KEY (object_key, grantee_kind, grantee_id);


--
-- Name: access_objects access_objects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_objects
    ADD CONSTRAINT access_objects_pkey PRIMARY KEY (object_key);


--
-- Name: access_user_teams access_user_teams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_user_teams
    ADD CONSTRAINT access_user_teams_pkey PRIMARY KEY (team_id, user_id);


--
-- Name: access_users access_users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_users
    ADD CONSTRAINT access_users_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);


--
-- Name: data_protection_keys data_protection_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.data_protection_keys
    ADD CONSTRAINT data_protection_keys_pkey PRIMARY KEY (name);


--
-- Name: frameconnector_inbound_events frameconnector_inbound_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.frameconnector_inbound_events
    ADD CONSTRAINT frameconnector_inbound_events_pkey PRIMARY KEY (event_key);


--
-- Name: frameconnector_links frameconnector_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.frameconnector_links
    ADD CONSTRAINT frameconnector_links_pkey PRIMARY KEY (frameio_id);


--
-- Name: frameconnector_mirror_items frameconnector_mirror_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.frameconnector_mirror_items
    ADD CONSTRAINT frameconnector_mirror_items_pkey PRIMARY KEY (project_id, item_key);


--
-- Name: frameconnector_stuck frameconnector_stuck_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.frameconnector_stuck
    ADD CONSTRAINT frameconnector_stuck_pkey PRIMARY KEY (id);


--
-- Name: handed_on_messages handed_on_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handed_on_messages
    ADD CONSTRAINT handed_on_messages_pkey PRIMARY KEY (id);


--
-- Name: organization organization_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization
    ADD CONSTRAINT organization_pkey PRIMARY KEY (id);


--
-- Name: orleans_membership orleans_membership_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_membership
    ADD CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation);


--
-- Name: orleans_membership_version orleans_membership_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_membership_version
    ADD CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id);


--
-- Name: orleans_reminders orleans_reminders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_reminders
    ADD CONSTRAINT orleans_reminders_pkey PRIMARY KEY (service_id, grain_id, reminder_name);


--
-- Name: orleansquery orleansquery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansquery
    ADD CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey);


--
-- Name: outbox_messages outbox_messages_handler_type_deduplication_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_messages
    ADD CONSTRAINT outbox_messages_handler_type_deduplication_key_key UNIQUE (handler_type, deduplication_key);


--
-- Name: outbox_messages outbox_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_messages
    ADD CONSTRAINT outbox_messages_pkey PRIMARY KEY (id);


--
-- Name: review_approval_documents review_approval_documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_approval_documents
    ADD CONSTRAINT review_approval_documents_pkey PRIMARY KEY (document_id, approval_id);


--
-- Name: review_approvals review_approvals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_approvals
    ADD CONSTRAINT review_approvals_pkey PRIMARY KEY (approval_id);


--
-- Name: review_events review_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_events
    ADD CONSTRAINT review_events_pkey PRIMARY KEY (id);


--
-- Name: review_frameio_documents review_frameio_documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_frameio_documents
    ADD CONSTRAINT review_frameio_documents_pkey PRIMARY KEY (document_id);


--
-- Name: review_open_documents review_open_documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_open_documents
    ADD CONSTRAINT review_open_documents_pkey PRIMARY KEY (document_id);


--
-- Name: review_rollups review_rollups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_rollups
    ADD CONSTRAINT review_rollups_pkey PRIMARY KEY (scope, week, measure, bucket);


--
-- Name: review_waiting review_waiting_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_waiting
    ADD CONSTRAINT review_waiting_pkey PRIMARY KEY (approval_id, path_index, stage_index, participant_kind, participant_id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (id);


--
-- Name: work_document_chunks work_document_chunks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_document_chunks
    ADD CONSTRAINT work_document_chunks_pkey PRIMARY KEY (content_id, seq);


--
-- Name: work_items work_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_items
    ADD CONSTRAINT work_items_pkey PRIMARY KEY (id);


--
-- Name: work_objects work_objects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_objects
    ADD CONSTRAINT work_objects_pkey PRIMARY KEY (id);


--
-- Name: access_audit_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_audit_actor ON public.access_audit USING btree (actor_id, id);


--
-- Name: access_audit_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_audit_subject ON public.access_audit USING btree (subject_type, subject_id, id);


--
-- Name: access_object_grantees_grantee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_object_grantees_grantee ON public.access_object_grantees USING btree (grantee_kind, grantee_id);


--
-- Name: access_objects_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_objects_parent ON public.access_objects USING btree (parent_key);


--
-- Name: access_users_level; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_users_level ON public.access_users USING btree (access_level_id, active);


--
-- Name: ix_api_tokens_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_api_tokens_user ON public.api_tokens USING btree (user_id);


--
-- Name: ix_frameconnector_links_greenlight; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_frameconnector_links_greenlight ON public.frameconnector_links USING btree (kind, greenlight_id);


--
-- Name: ix_frameconnector_stuck_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_frameconnector_stuck_project ON public.frameconnector_stuck USING btree (project_id);


--
-- Name: ix_frameconnector_stuck_since; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_frameconnector_stuck_since ON public.frameconnector_stuck USING btree (since);


--
-- Name: ix_handed_on_messages_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_handed_on_messages_at ON public.handed_on_messages USING btree (handed_on_at);


--
-- Name: ix_orleans_reminders_ring; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_orleans_reminders_ring ON public.orleans_reminders USING btree (service_id, grain_hash);


--
-- Name: ix_outbox_dedup; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_dedup ON public.outbox_messages USING btree (deduplication_key) WHERE (deduplication_key IS NOT NULL);


--
-- Name: ix_outbox_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_due ON public.outbox_messages USING btree (due_at) WHERE (parked_at IS NULL);


--
-- Name: ix_review_approval_documents_approval; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_approval_documents_approval ON public.review_approval_documents USING btree (approval_id);


--
-- Name: ix_review_approvals_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_approvals_created ON public.review_approvals USING btree (created_at);


--
-- Name: ix_review_approvals_group; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_approvals_group ON public.review_approvals USING btree (group_id, created_at);


--
-- Name: ix_review_approvals_open_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_approvals_open_due ON public.review_approvals USING btree (first_due_at) WHERE (is_open = 1);


--
-- Name: ix_review_approvals_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_approvals_project ON public.review_approvals USING btree (project_id, created_at);


--
-- Name: ix_review_decisions_approval; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_decisions_approval ON public.review_decisions USING btree (approval_id);


--
-- Name: ix_review_decisions_approver; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_decisions_approver ON public.review_decisions USING btree (decided_by, decided_at);


--
-- Name: ix_review_events_approval; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_events_approval ON public.review_events USING btree (approval_id, id);


--
-- Name: ix_review_events_document; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_events_document ON public.review_events USING btree (document_id, id);


--
-- Name: ix_review_events_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_events_project ON public.review_events USING btree (project_id, id);


--
-- Name: ix_review_waiting_participant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_waiting_participant ON public.review_waiting USING btree (participant_id, participant_kind);


--
-- Name: ix_work_items_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_work_items_project ON public.work_items USING btree (project_id);


--
-- Name: ix_work_objects_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_work_objects_parent ON public.work_objects USING btree (parent_id, object_type, id);


--
-- Name: ix_work_objects_project; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_work_objects_project ON public.work_objects USING btree (project_id, object_type, id);


--
-- Name: ix_work_objects_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_work_objects_type ON public.work_objects USING btree (object_type, id);


--
-- Name: ux_orleans_storage_grain; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_orleans_storage_grain ON public.orleans_storage USING btree (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, COALESCE(grain_id_extension, ''::character varying), ((grain_id_extension IS NULL)));


--
-- Name: orleans_membership orleans_membership_deployment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_membership
    ADD CONSTRAINT orleans_membership_deployment_id_fkey FOREIGN KEY (deployment_id) REFERENCES public.orleans_membership_version(deployment_id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict qb6mHzncv6i6l9dvtBSsuzC093sP1luS6cPklQqz7xb4vJpvaJIw4mIbvG8Llbm

