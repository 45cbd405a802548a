import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';
import type { Database } from '../../platform/db/schema.js';
import type { AttributeDefinitionInput } from './open311/open311.attributes.js';
import { publishReportFact } from './reports.facts.js';
import type { ReportRow } from './reports.repository.js';

/**
 * The default categories (lĩnh vực phản ánh), loaded by the demo seeding (`seedReportCategories`)
 * rather than a migration: a restore needs freshly migrated tables to be empty.
 */
export const DEFAULT_CATEGORIES: {
  code: string;
  nameVi: string;
  nameEn: string;
  description: string;
  /** Extra questions (Open311 service definition attributes). */
  attributes?: AttributeDefinitionInput[];
}[] = [
  {
    code: 'road',
    nameVi: 'Giao thông, đường sá',
    nameEn: 'Roads and traffic',
    description: 'Ổ gà, sụt lún mặt đường, vỉa hè hư hỏng, biển báo, đèn tín hiệu giao thông.',
    attributes: [
      {
        code: 'damage',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        description: 'Loại hư hỏng',
        datatype_description: 'Chọn một loại.',
        values: [
          { key: 'pothole', name: 'Ổ gà, ổ voi' },
          { key: 'subsidence', name: 'Sụt lún mặt đường' },
          { key: 'sidewalk', name: 'Vỉa hè hư hỏng' },
          { key: 'sign', name: 'Biển báo, đèn tín hiệu hư hỏng' },
          { key: 'other', name: 'Khác' },
        ],
      },
      {
        code: 'size_m',
        datatype: 'number',
        order: 2,
        description: 'Kích thước lớn nhất của chỗ hư hỏng, ước chừng (mét)',
        datatype_description: 'Một số, dấu chấm thập phân, ví dụ 1.5.',
      },
      {
        code: 'hazards',
        datatype: 'multivaluelist',
        order: 3,
        description: 'Nguy cơ cho người đi đường',
        datatype_description: 'Chọn một hoặc nhiều.',
        values: [
          { key: 'traffic', name: 'Cản trở giao thông' },
          { key: 'night', name: 'Khó thấy vào ban đêm' },
          { key: 'water', name: 'Đọng nước khi mưa' },
        ],
      },
    ],
  },
  {
    code: 'lighting',
    nameVi: 'Chiếu sáng công cộng',
    nameEn: 'Street lighting',
    description: 'Đèn đường không sáng, sáng ban ngày, cột đèn nghiêng đổ.',
  },
  {
    code: 'waste',
    nameVi: 'Rác thải, vệ sinh môi trường',
    nameEn: 'Waste and sanitation',
    description: 'Rác tồn đọng, đổ rác không đúng nơi quy định, điểm nóng ô nhiễm.',
  },
  {
    code: 'drainage',
    nameVi: 'Thoát nước, ngập úng',
    nameEn: 'Drainage and flooding',
    description: 'Cống nghẹt, nắp cống hư hỏng, ngập nước sau mưa hoặc triều cường.',
  },
  {
    code: 'trees',
    nameVi: 'Cây xanh',
    nameEn: 'Trees',
    description: 'Cây ngã đổ, cành khô có nguy cơ gãy, cây che khuất đèn, biển báo.',
  },
  {
    code: 'order',
    nameVi: 'Trật tự đô thị',
    nameEn: 'Public order',
    description: 'Lấn chiếm lòng lề đường, xây dựng trái phép, quảng cáo sai quy định.',
  },
  {
    code: 'other',
    nameVi: 'Vấn đề khác',
    nameEn: 'Other',
    description: 'Những phản ánh không thuộc các lĩnh vực trên.',
  },
];

/** Migrations of the reports module (range 07xx). */
export const reportsMigrations: Record<string, Migration> = {
  '0700_reports_categories': {
    async up(db: Kysely<unknown>) {
      // Time limits per stage: regulations.md §5 (reject within 2 working days, ask for more
      // information within 5, resolve within 15, publish within 2), editable per category.
      await sql`
        create table report_category (
          code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
          name_vi text not null,
          name_en text not null,
          description text not null default '',
          responsible_kind text not null default 'commune'
            check (responsible_kind in ('commune','district','province')),
          sla_accept_days int not null default 2 check (sla_accept_days between 1 and 60),
          sla_info_days int not null default 5 check (sla_info_days between 1 and 60),
          sla_resolve_days int not null default 15 check (sla_resolve_days between 1 and 120),
          sla_publish_days int not null default 2 check (sla_publish_days between 1 and 60),
          attributes jsonb not null default '[]'::jsonb,
          active boolean not null default true,
          sort_order int not null default 0
        )`.execute(db);
    },
  },
  '0701_reports_core': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table report (
          id uuid primary key,
          code text not null unique,
          category_code text not null references report_category(code) deferrable initially immediate,
          description text not null check (char_length(description) between 1 and 4000),
          lat numeric(9,6) check (lat between -90 and 90),
          long numeric(9,6) check (long between -180 and 180),
          address text,
          unit_code text not null,
          handling_unit_code text not null,
          status text not null check (status in ('new','accepted','rejected','assigned',
            'in_progress','resolved','closed')),
          reporter_name text,
          reporter_phone text,
          reporter_email text,
          anonymous boolean not null default false,
          channel text not null check (channel in ('web','open311','desk')),
          follow_token_hash text not null check (follow_token_hash ~ '^[0-9a-f]{64}$'),
          assignee_id uuid references app_user(id) deferrable initially immediate,
          accept_due_at timestamptz not null,
          resolve_due_at timestamptz,
          due_at timestamptz,
          due_soon_at timestamptz,
          overdue_at timestamptz,
          escalated_at timestamptz,
          accepted_at timestamptz,
          resolution text check (resolution is null or char_length(resolution) <= 4000),
          resolved_at timestamptz,
          closed_at timestamptz,
          reopen_count int not null default 0 check (reopen_count >= 0),
          merged_into uuid references report(id) deferrable initially immediate,
          rating int check (rating between 1 and 5),
          rating_comment text check (rating_comment is null or char_length(rating_comment) <= 1000),
          version int not null default 1,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((lat is null) = (long is null)),
          check (merged_into is null or merged_into <> id)
        )`.execute(db);
      await sql`create index report_created_idx on report (created_at desc, id desc)`.execute(db);
      await sql`create index report_unit_idx on report (unit_code, created_at desc)`.execute(db);
      await sql`create index report_handling_idx on report (handling_unit_code, created_at desc)`.execute(
        db,
      );
      await sql`create index report_open_due_idx on report (due_at)
        where status in ('new','accepted','assigned','in_progress')`.execute(db);
      await sql`create index report_point_idx on report (category_code, lat, long)
        where lat is not null`.execute(db);

      await sql`
        create table report_event (
          id bigint generated always as identity primary key,
          report_id uuid not null references report(id) deferrable initially immediate,
          seq int not null,
          action text not null,
          from_status text,
          to_status text not null,
          actor_id uuid,
          actor_name text not null,
          unit_code text not null,
          occurred_at timestamptz not null,
          reason text,
          payload jsonb not null default '{}'::jsonb,
          unique (report_id, seq)
        )`.execute(db);
      await sql`create index report_event_time_idx on report_event (occurred_at)`.execute(db);
      // Events are facts the indicators will count: append-only like dossier_event.
      await makeAppendOnly(db, 'report_event');

      await sql`
        create table report_follower (
          report_id uuid not null references report(id) deferrable initially immediate,
          contact text not null,
          created_at timestamptz not null default now(),
          primary key (report_id, contact)
        )`.execute(db);

      await sql`
        create table report_code_counter (
          day text primary key,
          last_seq int not null
        )`.execute(db);
    },
  },
  '0702_reports_origin': {
    async up(db: Kysely<unknown>) {
      // Where a report came from beyond the channel: the Open311 client that sent it, the
      // answers to the category's extra questions (Open311 `attribute[code]`), and a link to
      // a photo hosted elsewhere (Open311 `media_url`).
      await sql`alter table report
        add column source_client_id uuid,
        add column attributes jsonb not null default '{}'::jsonb,
        add column media_url text check (media_url is null or char_length(media_url) <= 2000)`.execute(
        db,
      );
    },
  },
  '0710_report_photos': {
    async up(db: Kysely<unknown>) {
      // Photos (ảnh phản ánh) are uploaded before the report exists and attached when it is
      // sent (stage 'report') or resolved (stage 'resolution', after-photos). Unattached rows
      // are purged after a day. The files live in the content-addressed file store.
      await sql`
        create table report_photo (
          id uuid primary key,
          report_id uuid references report(id) deferrable initially immediate,
          stage text check (stage in ('report','resolution')),
          position int check (position between 0 and 99),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          thumb_sha256 text not null check (thumb_sha256 ~ '^[0-9a-f]{64}$'),
          width int not null check (width > 0),
          height int not null check (height > 0),
          size int not null check (size > 0),
          created_at timestamptz not null,
          attached_at timestamptz,
          check ((report_id is null) = (stage is null)),
          check ((report_id is null) = (attached_at is null))
        )`.execute(db);
      await sql`create index report_photo_report_idx on report_photo (report_id)
        where report_id is not null`.execute(db);
      await sql`create index report_photo_unattached_idx on report_photo (created_at)
        where report_id is null`.execute(db);
    },
  },
  '0731_reports_resolved_idx': {
    async up(db: Kysely<unknown>) {
      // The auto-close sweep: resolved reports whose reopen window has passed.
      await sql`create index report_resolved_idx on report (resolved_at)
        where status = 'resolved'`.execute(db);
    },
  },
  '0732_reports_idempotency': {
    async up(db: Kysely<unknown>) {
      // A retried POST /reports with the same Idempotency-Key files nothing new.
      await sql`alter table report
        add column idempotency_key_hash text unique
          check (idempotency_key_hash ~ '^[0-9a-f]{64}$'),
        add column request_hash text`.execute(db);
    },
  },
  '0733_reports_info_request': {
    async up(db: Kysely<unknown>) {
      // "Ask for more information within 5 working days" (regulations.md §5): the limit is
      // fixed at receipt; one question is pending while requested_at > answered_at.
      await sql`alter table report
        add column info_due_at timestamptz,
        add column info_requested_at timestamptz,
        add column info_question text check (info_question is null or char_length(info_question) <= 2000),
        add column info_answered_at timestamptz`.execute(db);
    },
  },
  '0734_reports_deferrable_fks': {
    async up(db: Kysely<unknown>) {
      // Like every other foreign key: deferrable, so a restore (which defers all constraints)
      // may load tables in any order.
      await sql`alter table report_routing_rule
        alter constraint report_routing_rule_category_code_fkey deferrable initially immediate`.execute(
        db,
      );
      await sql`alter table report_reply_template
        alter constraint report_reply_template_category_code_fkey deferrable initially immediate`.execute(
        db,
      );
    },
  },
  '0730_reports_routing_rules': {
    async up(db: Kysely<unknown>) {
      // Admin overrides of the category's default level: in this area, this unit answers.
      await sql`
        create table report_routing_rule (
          category_code text not null references report_category(code) on delete cascade,
          area_unit_code text not null,
          handling_unit_code text not null,
          updated_by uuid,
          updated_at timestamptz not null default now(),
          primary key (category_code, area_unit_code)
        )`.execute(db);
      await sql`
        create table report_reply_template (
          id uuid primary key,
          category_code text references report_category(code) on delete cascade,
          kind text not null check (kind in ('resolve','reject','info')),
          title text not null check (char_length(title) between 1 and 200),
          body text not null check (char_length(body) between 1 and 4000),
          active boolean not null default true,
          updated_by uuid,
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
  },
  // Issue 12: the report fact for every report already received (the same keys as
  // reports.facts.ts publishes; a page at a time, reports are far fewer than dossiers).
  '0735_reports_facts': {
    async up(db: Kysely<unknown>) {
      const k = db as unknown as Kysely<Database>;
      let after: string | null = null;
      for (;;) {
        let q = k.selectFrom('report').selectAll().orderBy('id').limit(1000);
        if (after !== null) q = q.where('id', '>', after);
        const rows = await q.execute();
        if (rows.length === 0) break;
        for (const r of rows) await publishReportFact(k, r as ReportRow);
        after = rows[rows.length - 1]!.id;
      }
    },
  },
};
