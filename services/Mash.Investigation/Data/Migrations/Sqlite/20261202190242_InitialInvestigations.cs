using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Investigation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialInvestigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PractitionerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PractitionerRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PractitionerSource = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessedAtNode = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CaseAudits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "TEXT", nullable: false),
                    AuditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Audit = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Commands",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Method = table.Column<string>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commands", x => new { x.ClientId, x.IdempotencyKey });
                });

            migrationBuilder.CreateTable(
                name: "DeliveryReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivingNode = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivingAgency = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryReceipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Shared = table.Column<bool>(type: "INTEGER", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    DestinationNode = table.Column<string>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecipientAgency = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HighRiskMarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    OriginNode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighRiskMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inbox",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    Subscription = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    OriginNode = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inbox", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "Investigations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    SourceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Team = table.Column<string>(type: "TEXT", nullable: false),
                    Officer = table.Column<string>(type: "TEXT", nullable: false),
                    AllocatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    CloseReason = table.Column<string>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    OriginNode = table.Column<string>(type: "TEXT", nullable: false),
                    Envelope = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "ChargingFiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SuspectReference = table.Column<string>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FurtherWork = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    ExhibitReference = table.Column<string>(type: "TEXT", nullable: false),
                    SeizedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExaminationStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExaminedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Queued = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<string>(type: "TEXT", nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Identity = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvestigationId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TargetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithPartners = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextReviewDue = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Review = table.Column<byte[]>(type: "BLOB", nullable: false)
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
