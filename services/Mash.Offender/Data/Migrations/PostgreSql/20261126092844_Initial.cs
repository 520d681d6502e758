using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mash.Offender.Data.Migrations.PostgreSql
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
                name: "Commands",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Method = table.Column<string>(type: "text", nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    OffenderId = table.Column<string>(type: "text", nullable: false),
                    ResultId = table.Column<string>(type: "text", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commands", x => new { x.ClientId, x.IdempotencyKey });
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
                name: "Offenders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GivenName = table.Column<string>(type: "text", nullable: false),
                    FamilyName = table.Column<string>(type: "text", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    PncId = table.Column<string>(type: "text", nullable: false),
                    MappaCategory = table.Column<int>(type: "integer", nullable: false),
                    MappaLevel = table.Column<int>(type: "integer", nullable: false),
                    Risk = table.Column<int>(type: "integer", nullable: false),
                    RiskRationale = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<byte[]>(type: "bytea", nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    AreaKey = table.Column<string>(type: "text", nullable: false),
                    ManagingOfficer = table.Column<string>(type: "text", nullable: false),
                    OfficerKey = table.Column<string>(type: "text", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "text", nullable: false),
                    NotificationApplies = table.Column<bool>(type: "boolean", nullable: false),
                    NotificationEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastNotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReconfirmationDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    VisitIntervalWeeks = table.Column<int>(type: "integer", nullable: false),
                    LastSeenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextVisitDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offenders", x => x.Id);
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
                name: "ChildLinks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OffenderId = table.Column<string>(type: "character varying(64)", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    ChildMatch = table.Column<int>(type: "integer", nullable: false),
                    Relationship = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildLinks_Offenders_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "Offenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OffenderId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    LastBreachOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Offenders_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "Offenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OffenderId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ChangeOccurredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Breach = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Offenders_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "Offenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<string>(type: "character varying(64)", nullable: false),
                    PreviousRisk = table.Column<int>(type: "integer", nullable: false),
                    Risk = table.Column<int>(type: "integer", nullable: false),
                    PreviousMappaLevel = table.Column<int>(type: "integer", nullable: false),
                    MappaLevel = table.Column<int>(type: "integer", nullable: false),
                    Rationale = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskChanges_Offenders_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "Offenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OffenderId = table.Column<string>(type: "character varying(64)", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Officer = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Offenders_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "Offenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureBreaches",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeasureId = table.Column<string>(type: "character varying(64)", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureBreaches_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedChildren",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeasureId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    ChildMatch = table.Column<int>(type: "integer", nullable: false),
                    InLocalAuthorityCare = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectedChildren_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChildKey",
                table: "AuditEntries",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_ChildLinks_ChildKey",
                table: "ChildLinks",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_ChildLinks_OffenderId_ChildKey",
                table: "ChildLinks",
                columns: new[] { "OffenderId", "ChildKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ChildKey",
                table: "Disclosures",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureBreaches_MeasureId",
                table: "MeasureBreaches",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ExpiresOn_Id",
                table: "Measures",
                columns: new[] { "ExpiresOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_LastBreachOn_Id",
                table: "Measures",
                columns: new[] { "LastBreachOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OffenderId",
                table: "Measures",
                column: "OffenderId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Breach_DueBy_Id",
                table: "Notifications",
                columns: new[] { "Breach", "DueBy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OffenderId",
                table: "Notifications",
                column: "OffenderId");

            migrationBuilder.CreateIndex(
                name: "IX_Offenders_AreaKey_Risk_Id",
                table: "Offenders",
                columns: new[] { "AreaKey", "Risk", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Offenders_NextVisitDueBy_Id",
                table: "Offenders",
                columns: new[] { "NextVisitDueBy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Offenders_PncId",
                table: "Offenders",
                column: "PncId",
                unique: true,
                filter: "\"PncId\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_Offenders_ReconfirmationDueBy_Id",
                table: "Offenders",
                columns: new[] { "ReconfirmationDueBy", "Id" });

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
                name: "IX_ProtectedChildren_ChildKey",
                table: "ProtectedChildren",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedChildren_MeasureId",
                table: "ProtectedChildren",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskChanges_OffenderId",
                table: "RiskChanges",
                column: "OffenderId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OffenderId",
                table: "Visits",
                column: "OffenderId");

            // The audit table is append-only in the database itself (a plpgsql trigger function here).
            Mash.Platform.Persistence.AuditTrailMigrations.AddAppendOnlyTriggers(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ChildLinks");

            migrationBuilder.DropTable(
                name: "Commands");

            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "Inbox");

            migrationBuilder.DropTable(
                name: "MeasureBreaches");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "ProtectedChildren");

            migrationBuilder.DropTable(
                name: "RiskChanges");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "Offenders");
        }
    }
}
