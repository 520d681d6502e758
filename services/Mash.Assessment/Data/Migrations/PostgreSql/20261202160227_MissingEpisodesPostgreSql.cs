using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mash.Assessment.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MissingEpisodesPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MissingCommands",
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
                    table.PrimaryKey("PK_MissingCommands", x => new { x.ClientId, x.IdempotencyKey });
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    ChildMatch = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    ReportedAtNode = table.Column<string>(type: "text", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedBy = table.Column<int>(type: "integer", nullable: false),
                    ReporterName = table.Column<string>(type: "text", nullable: false),
                    ReporterClientId = table.Column<string>(type: "text", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSeenPlace = table.Column<string>(type: "text", nullable: false),
                    Circumstances = table.Column<string>(type: "text", nullable: false),
                    LawfulBasis = table.Column<int>(type: "integer", nullable: false),
                    Risk = table.Column<int>(type: "integer", nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FoundWhere = table.Column<string>(type: "text", nullable: false),
                    FoundBy = table.Column<string>(type: "text", nullable: false),
                    WhereBeen = table.Column<string>(type: "text", nullable: false),
                    WithWhom = table.Column<string>(type: "text", nullable: false),
                    InterviewOutcome = table.Column<int>(type: "integer", nullable: false),
                    InterviewAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Interviewer = table.Column<string>(type: "text", nullable: false),
                    InterviewerIndependent = table.Column<bool>(type: "boolean", nullable: false),
                    InterviewReason = table.Column<string>(type: "text", nullable: false),
                    InterviewFindings = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MissingGrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EpisodeId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Risk = table.Column<int>(type: "integer", nullable: false),
                    Rationale = table.Column<string>(type: "text", nullable: false),
                    GradedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GradedAtNode = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingGrades_MissingEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "MissingEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildKey_ReportedAt",
                table: "MissingEpisodes",
                columns: new[] { "ChildKey", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_Open_ReportedAt_Id",
                table: "MissingEpisodes",
                columns: new[] { "Open", "ReportedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ReturnedAt_Id",
                table: "MissingEpisodes",
                columns: new[] { "ReturnedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingGrades_EpisodeId",
                table: "MissingGrades",
                column: "EpisodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MissingCommands");

            migrationBuilder.DropTable(
                name: "MissingGrades");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");
        }
    }
}
