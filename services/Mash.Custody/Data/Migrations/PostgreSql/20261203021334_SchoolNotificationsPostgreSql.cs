using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Custody.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SchoolNotificationsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DomesticAbuseIncidents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Household = table.Column<string>(type: "text", nullable: false),
                    PoliceReference = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomesticAbuseIncidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchoolEnrolments",
                columns: table => new
                {
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    SchoolUrn = table.Column<string>(type: "text", nullable: false),
                    SchoolName = table.Column<string>(type: "text", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolEnrolments", x => x.ChildKey);
                });

            migrationBuilder.CreateTable(
                name: "SchoolNotifications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IncidentId = table.Column<string>(type: "text", nullable: false),
                    PoliceNode = table.Column<string>(type: "text", nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    SawOrHeard = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Household = table.Column<string>(type: "text", nullable: false),
                    PoliceReference = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VisibleFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    SchoolUrn = table.Column<string>(type: "text", nullable: false),
                    SchoolName = table.Column<string>(type: "text", nullable: false),
                    SchoolFoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NoSchoolReason = table.Column<string>(type: "text", nullable: false),
                    NoSchoolAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "text", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupportPlanned = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentChildren",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IncidentId = table.Column<string>(type: "character varying(64)", nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    SawOrHeard = table.Column<string>(type: "text", nullable: false),
                    LocalAuthorityNode = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    NotSentReason = table.Column<string>(type: "text", nullable: false),
                    Notice = table.Column<byte[]>(type: "bytea", nullable: false),
                    NoticeVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentChildren_DomesticAbuseIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "DomesticAbuseIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DomesticAbuseIncidents_RecordedAt_Id",
                table: "DomesticAbuseIncidents",
                columns: new[] { "RecordedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentChildren_ChildKey",
                table: "IncidentChildren",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentChildren_IncidentId",
                table: "IncidentChildren",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNotifications_ChildKey",
                table: "SchoolNotifications",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNotifications_OccurredAt_Id",
                table: "SchoolNotifications",
                columns: new[] { "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNotifications_ReceivedAt",
                table: "SchoolNotifications",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNotifications_SchoolUrn_OccurredAt_Id",
                table: "SchoolNotifications",
                columns: new[] { "SchoolUrn", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNotifications_Stage_DueAt",
                table: "SchoolNotifications",
                columns: new[] { "Stage", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNotifications_Stage_OccurredAt_Id",
                table: "SchoolNotifications",
                columns: new[] { "Stage", "OccurredAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentChildren");

            migrationBuilder.DropTable(
                name: "SchoolEnrolments");

            migrationBuilder.DropTable(
                name: "SchoolNotifications");

            migrationBuilder.DropTable(
                name: "DomesticAbuseIncidents");
        }
    }
}
