using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Data;

/// <summary>
/// Marks the entity types every workflow step writes (instances, tasks, journal entries) so that SQLite saves them
/// with <see cref="SqliteRowWriter"/>. The rank orders the writes: a row is written after the rows it refers to.
/// </summary>
public static class StepRows
{
    internal const string Annotation = "CoBan:StepRowRank";

    public static EntityTypeBuilder<T> IsStepRow<T>(this EntityTypeBuilder<T> builder, int rank) where T : class =>
        builder.HasAnnotation(Annotation, rank);

    internal static int? Rank(IEntityType type) => type.FindAnnotation(Annotation)?.Value as int?;
}
