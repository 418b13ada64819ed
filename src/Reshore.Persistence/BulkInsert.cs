using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reshore.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with multi-row INSERT statements, on the context's connection and inside its
/// current transaction, for SQLite and PostgreSQL alike. Columns, table and parameter conversion come from the EF Core model
/// (each property's type mapping creates its parameter, so Guids, dates and enums are stored exactly as EF stores them);
/// the change tracker is bypassed, which is what makes tens of thousands of rows a second possible. The caller owns the
/// transaction: without one each statement commits on its own.
/// </summary>
public static class BulkInsert
{
    /// <summary>Rows per INSERT statement on PostgreSQL (fewer round trips). SQLite gets one row per statement: its parameter
    /// look-up by name is linear in the number of parameters, so wide statements cost the square; one prepared single-row statement
    /// executed again and again is its fastest form.</summary>
    public const int RowsPerStatement = 200;

    /// <summary>Inserts the rows; returns how many were inserted.</summary>
    public static async Task<int> InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return 0;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; bulk insert reads CLR properties only.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
        var mappings = properties.Select(p => (Getter: p.GetGetter(), Mapping: p.GetRelationalTypeMapping(), p.IsNullable)).ToList();
        var perStatement = db.Database.IsSqlite() ? 1 : RowsPerStatement;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            DbCommand? command = null;
            var commandRows = 0;
            try
            {
                for (var start = 0; start < rows.Count; start += perStatement)
                {
                    ct.ThrowIfCancellationRequested();
                    var count = Math.Min(perStatement, rows.Count - start);
                    if (command is null || commandRows != count)
                    {
                        if (command is not null) await command.DisposeAsync();
                        command = Prepare(connection, transaction, head, count, mappings.Count, sql);
                        commandRows = count;
                    }
                    for (var r = 0; r < count; r++)
                        for (var c = 0; c < mappings.Count; c++)
                        {
                            var (getter, mapping, nullable) = mappings[c];
                            // The type mapping's parameter carries EF's conversion (Guid as text on SQLite, enums by name, dates).
                            var fresh = mapping.CreateParameter(command, "x", getter.GetClrValue(rows[start + r]), nullable);
                            var target = command.Parameters[r * mappings.Count + c];
                            target.DbType = fresh.DbType;
                            target.Value = fresh.Value;
                        }
                    await command.ExecuteNonQueryAsync(ct);
                }
            }
            finally
            {
                if (command is not null) await command.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows.Count;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction? transaction, string head, int rows, int columns, ISqlGenerationHelper sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                var name = $"p{r}_{c}";
                if (c > 0) text.Append(", ");
                text.Append(sql.GenerateParameterNamePlaceholder(name));
                var parameter = command.CreateParameter();
                parameter.ParameterName = sql.GenerateParameterName(name);
                command.Parameters.Add(parameter);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }
}
