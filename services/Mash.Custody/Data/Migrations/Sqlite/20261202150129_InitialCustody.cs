using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Custody.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCustody : Migration
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
                name: "Detentions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Child = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ChildMatch = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    AgeAtArrest = table.Column<int>(type: "INTEGER", nullable: false),
                    CustodyReference = table.Column<string>(type: "TEXT", nullable: false),
                    CustodySuite = table.Column<string>(type: "TEXT", nullable: false),
                    Offence = table.Column<string>(type: "TEXT", nullable: false),
                    ArrestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChargedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Charges = table.Column<string>(type: "TEXT", nullable: false),
                    BailOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    BailDecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BailRefusalGround = table.Column<int>(type: "INTEGER", nullable: false),
                    SecureAccommodationSought = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicProtectionReason = table.Column<string>(type: "TEXT", nullable: false),
                    NoRequestReason = table.Column<string>(type: "TEXT", nullable: false),
                    BailDecidedBy = table.Column<string>(type: "TEXT", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleaseOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleaseRequestId = table.Column<string>(type: "TEXT", nullable: false),
                    ReleaseDetails = table.Column<string>(type: "TEXT", nullable: false),
                    LookedAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    LookedAfterSource = table.Column<int>(type: "INTEGER", nullable: false),
                    LookedAfterLegalStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    LookedAfterEstablishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LookedAfterNode = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CertificateIssuedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateHoursDetained = table.Column<double>(type: "REAL", nullable: false),
                    CertificateReasonImpracticable = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateReasonNoRequest = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateRequests = table.Column<byte[]>(type: "BLOB", nullable: false),
                    InCustody = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Detentions", x => x.Id);
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
                name: "LookedAfterChildren",
                columns: table => new
                {
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Child = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LookedAfter = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterChildren", x => x.ChildKey);
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
                name: "ReceivedAccommodationRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PoliceNode = table.Column<string>(type: "TEXT", nullable: false),
                    DetentionId = table.Column<string>(type: "TEXT", nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Child = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AgeAtArrest = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CustodySuite = table.Column<string>(type: "TEXT", nullable: false),
                    Offence = table.Column<string>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SecureAccommodationSought = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicProtectionReason = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Answered = table.Column<bool>(type: "INTEGER", nullable: false),
                    Answer_Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer_AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer_AnsweredBy = table.Column<string>(type: "TEXT", nullable: false),
                    Answer_Place = table.Column<string>(type: "TEXT", nullable: false),
                    Answer_PlaceAvailableAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer_RefusalReason = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedAccommodationRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccommodationRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DetentionId = table.Column<string>(type: "TEXT", nullable: false),
                    LocalAuthorityNode = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SecureAccommodationSought = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicProtectionReason = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    NotSentReason = table.Column<string>(type: "TEXT", nullable: false),
                    Answer_Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer_AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer_AnsweredBy = table.Column<string>(type: "TEXT", nullable: false),
                    Answer_Place = table.Column<string>(type: "TEXT", nullable: false),
                    Answer_PlaceAvailableAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer_RefusalReason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccommodationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccommodationRequests_Detentions_DetentionId",
                        column: x => x.DetentionId,
                        principalTable: "Detentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppropriateAdults",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DetentionId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttendedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppropriateAdults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppropriateAdults_Detentions_DetentionId",
                        column: x => x.DetentionId,
                        principalTable: "Detentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DetentionReviews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DetentionId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildAsleep = table.Column<bool>(type: "INTEGER", nullable: false),
                    ToldOnWakingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DetentionReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DetentionReviews_Detentions_DetentionId",
                        column: x => x.DetentionId,
                        principalTable: "Detentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccommodationRequests_DetentionId",
                table: "AccommodationRequests",
                column: "DetentionId");

            migrationBuilder.CreateIndex(
                name: "IX_AppropriateAdults_DetentionId",
                table: "AppropriateAdults",
                column: "DetentionId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChildKey_OccurredAt_Sequence",
                table: "AuditEntries",
                columns: new[] { "ChildKey", "OccurredAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReceipts_EventId_ReceivingNode",
                table: "DeliveryReceipts",
                columns: new[] { "EventId", "ReceivingNode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DetentionReviews_DetentionId",
                table: "DetentionReviews",
                column: "DetentionId");

            migrationBuilder.CreateIndex(
                name: "IX_Detentions_AuthorisedAt_Id",
                table: "Detentions",
                columns: new[] { "AuthorisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Detentions_ChildKey",
                table: "Detentions",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_Detentions_InCustody_ArrivedAt_Id",
                table: "Detentions",
                columns: new[] { "InCustody", "ArrivedAt", "Id" });

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
                name: "IX_Outbox_EventId",
                table: "Outbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_PublishedAt_Sequence",
                table: "Outbox",
                columns: new[] { "PublishedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedAccommodationRequests_Answered_RequestedAt_Id",
                table: "ReceivedAccommodationRequests",
                columns: new[] { "Answered", "RequestedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedAccommodationRequests_RequestedAt_Id",
                table: "ReceivedAccommodationRequests",
                columns: new[] { "RequestedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccommodationRequests");

            migrationBuilder.DropTable(
                name: "AppropriateAdults");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Commands");

            migrationBuilder.DropTable(
                name: "DeliveryReceipts");

            migrationBuilder.DropTable(
                name: "DetentionReviews");

            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "Inbox");

            migrationBuilder.DropTable(
                name: "LookedAfterChildren");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "ReceivedAccommodationRequests");

            migrationBuilder.DropTable(
                name: "Detentions");
        }
    }
}
