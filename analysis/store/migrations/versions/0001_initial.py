"""Initial schema: users, submissions (with their schools, sheet counts and tables), schools, audit log, settings.

Dates and times are UTC without a zone (models.UTCDateTime).

Revision ID: 0001
Revises:
Create Date: 2026-12-02 16:30:12.701074
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("npsn", sa.JSON(), nullable=False),
        sa.Column("kabupaten", sa.String(length=100), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('kepala_sekolah', 'dinas', 'peneliti', 'admin')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("npsn_key", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("layout", sa.String(length=40), nullable=False),
        sa.Column("uploader_id", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=True),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("n_errors", sa.Integer(), nullable=False),
        sa.Column("n_warnings", sa.Integer(), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["uploader_id"], ["users.id"], name=op.f("fk_submissions_uploader_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint("sha256", "npsn_key", name=op.f("uq_submissions_sha256_npsn_key")),
    )
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submissions_sha256"), ["sha256"], unique=False)

    op.create_table(
        "schools",
        sa.Column("npsn", sa.String(length=20), nullable=False),
        sa.Column("nama_sekolah", sa.String(length=255), nullable=True),
        sa.Column("kabupaten_kota", sa.String(length=100), nullable=True),
        sa.Column("current_submission_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["current_submission_id"], ["submissions.id"], name=op.f("fk_schools_current_submission_id_submissions")),
        sa.PrimaryKeyConstraint("npsn", name=op.f("pk_schools")),
    )
    with op.batch_alter_table("schools", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schools_kabupaten_kota"), ["kabupaten_kota"], unique=False)

    op.create_table(
        "submission_schools",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("npsn", sa.String(length=20), nullable=False),
        sa.Column("nama_sekolah", sa.String(length=255), nullable=True),
        sa.Column("kabupaten_kota", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], name=op.f("fk_submission_schools_submission_id_submissions"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("submission_id", "npsn", name=op.f("pk_submission_schools")),
    )
    with op.batch_alter_table("submission_schools", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_schools_npsn"), ["npsn"], unique=False)

    op.create_table(
        "submission_sheets",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=255), nullable=False),
        sa.Column("table", sa.String(length=30), nullable=True),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_accepted", sa.Integer(), nullable=False),
        sa.Column("rows_rejected", sa.Integer(), nullable=False),
        sa.Column("rows_blank", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], name=op.f("fk_submission_sheets_submission_id_submissions"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("submission_id", "position", name=op.f("pk_submission_sheets")),
    )
    op.create_table(
        "submission_tables",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("n_rows", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], name=op.f("fk_submission_tables_submission_id_submissions"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("submission_id", "name", name=op.f("pk_submission_tables")),
    )


def downgrade() -> None:
    op.drop_table("submission_tables")
    op.drop_table("submission_sheets")
    with op.batch_alter_table("submission_schools", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_schools_npsn"))

    op.drop_table("submission_schools")
    with op.batch_alter_table("schools", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_schools_kabupaten_kota"))

    op.drop_table("schools")
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submissions_sha256"))

    op.drop_table("submissions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("users")
    op.drop_table("settings")
