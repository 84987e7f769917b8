using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CoBan.Workflow.Data;

/// <summary>
/// SQLite DDL as EF writes it, except that the step rows' keys (<see cref="StepRows"/>) get no AUTOINCREMENT. Their ids
/// still come from the table (the key is INTEGER PRIMARY KEY, SQLite's rowid): AUTOINCREMENT only adds the promise never
/// to give the id of a deleted row again, and step rows are never deleted. Keeping that promise costs every commit a
/// write to the sqlite_sequence page, one of the few pages a workflow step has to get onto the disk. The model keeps
/// EF's convention, so the migrations and their snapshot stay as EF generates them; only the SQL they run differs.
/// </summary>
public sealed class SqliteMigrations(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (IsStepRowTable(operation.Name, model))
            foreach (var column in operation.Columns) column.RemoveAnnotation(Autoincrement);
        base.Generate(operation, model, builder, terminate);
    }

    /// <summary>Step-row tables, by the model the migration targets; the names are the fallback where no model is given.</summary>
    private static bool IsStepRowTable(string table, IModel? model) =>
        model?.GetEntityTypes().Any(t => t.GetTableName() == table && StepRows.Rank(t) is not null)
        ?? table is "ProcessInstance" or "WorkTask" or "JournalEntry";
}
