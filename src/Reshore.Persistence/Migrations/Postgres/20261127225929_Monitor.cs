using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reshore.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Monitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitorCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsSeed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CompanyName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Employees = table.Column<int>(type: "integer", nullable: true),
                    SizeClass = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HomeCountry = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NaceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Function = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnnouncementDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncementYearOnly = table.Column<bool>(type: "boolean", nullable: false),
                    OriginsJson = table.Column<string>(type: "text", nullable: false),
                    Destination = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TypeOverride = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Governance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MotivesJson = table.Column<string>(type: "text", nullable: false),
                    JobsCreated = table.Column<int>(type: "integer", nullable: true),
                    Investment = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PublicSupport = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PublicSupportNote = table.Column<string>(type: "text", nullable: true),
                    SourcesJson = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitorAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangesJson = table.Column<string>(type: "text", nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorAudit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitorAudit_MonitorCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MonitorCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitorAudit_CaseId_Version",
                table: "MonitorAudit",
                columns: new[] { "CaseId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitorCases_CompanyName",
                table: "MonitorCases",
                column: "CompanyName");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorCases_Status",
                table: "MonitorCases",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitorAudit");

            migrationBuilder.DropTable(
                name: "MonitorCases");
        }
    }
}
