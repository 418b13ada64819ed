using Reshore.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Reshore.Web.Tests;

/// <summary>
/// Each provider's migrations describe the whole model: branches that each add a migration are merged by hand, and a snapshot
/// merged wrongly would make the next `migrations add` undo or repeat a change. No database is opened.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
