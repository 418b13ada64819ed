using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reshore.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    /// <summary>Monitor observatory fields: direction (offshoring cases), parent company, region, Eurostat kind, partial reshoring, social-economy partner, outcomes, reversal. Existing cases become reshoring cases with no outcomes.</summary>
    public partial class MonitorObservatory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "MonitorCases",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Reshoring");

            migrationBuilder.AddColumn<string>(
                name: "EurostatKindOverride",
                table: "MonitorCases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPartial",
                table: "MonitorCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MovedActivities",
                table: "MonitorCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomesJson",
                table: "MonitorCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ParentCompany",
                table: "MonitorCases",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "MonitorCases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reversal",
                table: "MonitorCases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReversalDate",
                table: "MonitorCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReversalYearOnly",
                table: "MonitorCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SocialEconomyPartner",
                table: "MonitorCases",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StayedActivities",
                table: "MonitorCases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Direction",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "EurostatKindOverride",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "IsPartial",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "MovedActivities",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "OutcomesJson",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "ParentCompany",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "Reversal",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "ReversalDate",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "ReversalYearOnly",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "SocialEconomyPartner",
                table: "MonitorCases");

            migrationBuilder.DropColumn(
                name: "StayedActivities",
                table: "MonitorCases");
        }
    }
}
