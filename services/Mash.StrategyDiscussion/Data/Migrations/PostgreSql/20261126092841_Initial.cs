using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mash.StrategyDiscussion.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Agency = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    Method = table.Column<string>(type: "text", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    RecordId = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    LawfulBasis = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false),
                    EventId = table.Column<string>(type: "text", nullable: false),
                    What = table.Column<string>(type: "text", nullable: false),
                    Recipients = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    LawfulBasis = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Discussions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    ChildMatch = table.Column<int>(type: "integer", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RequiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SourceId = table.Column<string>(type: "text", nullable: false),
                    SourceEventId = table.Column<string>(type: "text", nullable: false),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    FollowsDiscussionId = table.Column<string>(type: "text", nullable: false),
                    ScheduledFor = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Decisions = table.Column<byte[]>(type: "bytea", nullable: false),
                    MinutesText = table.Column<string>(type: "text", nullable: false),
                    MinutesDocumentReference = table.Column<string>(type: "text", nullable: false),
                    ConferenceDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcludedBy = table.Column<string>(type: "text", nullable: false),
                    ConclusionHash = table.Column<string>(type: "text", nullable: false),
                    HeldByNode = table.Column<string>(type: "text", nullable: false),
                    HeldByAgency = table.Column<int>(type: "integer", nullable: false),
                    Received = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Discussions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inbox",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "text", nullable: false),
                    Subscription = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    OriginNode = table.Column<string>(type: "text", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inbox", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "text", nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    SessionId = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    OriginNode = table.Column<string>(type: "text", nullable: false),
                    Envelope = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DiscussionId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Agency = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: false),
                    AbsenceReason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_Discussions_DiscussionId",
                        column: x => x.DiscussionId,
                        principalTable: "Discussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingActions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DiscussionId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    OwningAgency = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ForChild = table.Column<byte[]>(type: "bytea", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingActions_Discussions_DiscussionId",
                        column: x => x.DiscussionId,
                        principalTable: "Discussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChildKey",
                table: "AuditEntries",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ChildKey",
                table: "Disclosures",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ChildKey_Open",
                table: "Discussions",
                column: "ChildKey",
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ChildKey_RequiredAt",
                table: "Discussions",
                columns: new[] { "ChildKey", "RequiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ClientId_IdempotencyKey",
                table: "Discussions",
                columns: new[] { "ClientId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ConferenceDueAt_Id",
                table: "Discussions",
                columns: new[] { "ConferenceDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_RequiredAt_Id",
                table: "Discussions",
                columns: new[] { "RequiredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_Status_DueAt_Id",
                table: "Discussions",
                columns: new[] { "Status", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_Trigger_SourceId",
                table: "Discussions",
                columns: new[] { "Trigger", "SourceId" },
                unique: true,
                filter: "\"SourceId\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_EventId",
                table: "Outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_PublishedAt_Sequence",
                table: "Outbox",
                columns: new[] { "PublishedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_DiscussionId",
                table: "Participants",
                column: "DiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingActions_CompletedAt_DueAt_Id",
                table: "SafeguardingActions",
                columns: new[] { "CompletedAt", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingActions_DiscussionId",
                table: "SafeguardingActions",
                column: "DiscussionId");

            // The audit table is append-only in the database itself (a plpgsql trigger function here).
            Mash.Platform.Persistence.AuditTrailMigrations.AddAppendOnlyTriggers(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "Inbox");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "SafeguardingActions");

            migrationBuilder.DropTable(
                name: "Discussions");
        }
    }
}
