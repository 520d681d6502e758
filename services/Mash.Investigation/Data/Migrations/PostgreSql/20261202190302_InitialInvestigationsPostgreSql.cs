using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mash.Investigation.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialInvestigationsPostgreSql : Migration
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
                    PractitionerId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PractitionerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PractitionerRole = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PractitionerSource = table.Column<int>(type: "integer", nullable: false),
                    AccessedAtNode = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CaseAudits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "text", nullable: false),
                    AuditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Quarter = table.Column<string>(type: "text", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Audit = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Commands",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Method = table.Column<string>(type: "text", nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    TargetId = table.Column<string>(type: "text", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commands", x => new { x.ClientId, x.IdempotencyKey });
                });

            migrationBuilder.CreateTable(
                name: "DeliveryReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "text", nullable: false),
                    ReceivingNode = table.Column<string>(type: "text", nullable: false),
                    ReceivingAgency = table.Column<int>(type: "integer", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryReceipts", x => x.Id);
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
                    DecidedBy = table.Column<string>(type: "text", nullable: false),
                    RecordId = table.Column<string>(type: "text", nullable: false),
                    DestinationNode = table.Column<string>(type: "text", nullable: false),
                    AgreementId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecipientAgency = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HighRiskMarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    OriginNode = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighRiskMarks", x => x.Id);
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
                name: "Investigations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    SourceKind = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Team = table.Column<string>(type: "text", nullable: false),
                    Officer = table.Column<string>(type: "text", nullable: false),
                    AllocatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    CloseReason = table.Column<string>(type: "text", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigations", x => x.Id);
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
                name: "ChargingFiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuspectReference = table.Column<string>(type: "text", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FurtherWork = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargingFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargingFiles_Investigations_InvestigationId",
                        column: x => x.InvestigationId,
                        principalTable: "Investigations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    ExhibitReference = table.Column<string>(type: "text", nullable: false),
                    SeizedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExaminationStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExaminedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Queued = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Devices_Investigations_InvestigationId",
                        column: x => x.InvestigationId,
                        principalTable: "Investigations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvestigationChildren",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestigationId = table.Column<string>(type: "character varying(64)", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Identity = table.Column<byte[]>(type: "bytea", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestigationChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvestigationChildren_Investigations_InvestigationId",
                        column: x => x.InvestigationId,
                        principalTable: "Investigations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSteps",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TargetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithPartners = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSteps_Investigations_InvestigationId",
                        column: x => x.InvestigationId,
                        principalTable: "Investigations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisoryReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestigationId = table.Column<string>(type: "character varying(64)", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextReviewDue = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Review = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisoryReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisoryReviews_Investigations_InvestigationId",
                        column: x => x.InvestigationId,
                        principalTable: "Investigations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChildKey_OccurredAt_Sequence",
                table: "AuditEntries",
                columns: new[] { "ChildKey", "OccurredAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_InvestigationId",
                table: "CaseAudits",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_Quarter",
                table: "CaseAudits",
                column: "Quarter");

            migrationBuilder.CreateIndex(
                name: "IX_ChargingFiles_DecidedAt_SentAt",
                table: "ChargingFiles",
                columns: new[] { "DecidedAt", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingFiles_InvestigationId",
                table: "ChargingFiles",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReceipts_EventId_ReceivingNode",
                table: "DeliveryReceipts",
                columns: new[] { "EventId", "ReceivingNode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_InvestigationId",
                table: "Devices",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_Queued_Priority_SubmittedAt",
                table: "Devices",
                columns: new[] { "Queued", "Priority", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_SubmittedAt",
                table: "Devices",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ChildKey_DecidedAt_Id",
                table: "Disclosures",
                columns: new[] { "ChildKey", "DecidedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_DecidedAt_Id",
                table: "Disclosures",
                columns: new[] { "DecidedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_EventId",
                table: "Disclosures",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_RecordId",
                table: "Disclosures",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_Shared_DecidedAt_Id",
                table: "Disclosures",
                columns: new[] { "Shared", "DecidedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HighRiskMarks_Active",
                table: "HighRiskMarks",
                column: "Active");

            migrationBuilder.CreateIndex(
                name: "IX_HighRiskMarks_ChildKey_Active",
                table: "HighRiskMarks",
                columns: new[] { "ChildKey", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationChildren_ChildKey",
                table: "InvestigationChildren",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationChildren_InvestigationId",
                table: "InvestigationChildren",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_Investigations_ClientId_IdempotencyKey",
                table: "Investigations",
                columns: new[] { "ClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Investigations_Open_OpenedAt_Id",
                table: "Investigations",
                columns: new[] { "Open", "OpenedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigations_Open_ReviewDueAt_Id",
                table: "Investigations",
                columns: new[] { "Open", "ReviewDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigations_Open_Team",
                table: "Investigations",
                columns: new[] { "Open", "Team" });

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
                name: "IX_PlanSteps_InvestigationId",
                table: "PlanSteps",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_InvestigationId",
                table: "SupervisoryReviews",
                column: "InvestigationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseAudits");

            migrationBuilder.DropTable(
                name: "ChargingFiles");

            migrationBuilder.DropTable(
                name: "Commands");

            migrationBuilder.DropTable(
                name: "DeliveryReceipts");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "HighRiskMarks");

            migrationBuilder.DropTable(
                name: "Inbox");

            migrationBuilder.DropTable(
                name: "InvestigationChildren");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "PlanSteps");

            migrationBuilder.DropTable(
                name: "SupervisoryReviews");

            migrationBuilder.DropTable(
                name: "Investigations");
        }
    }
}
