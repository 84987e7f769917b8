using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoBan.Workflow.Data;

/// <summary>DateTimeOffset as UTC ticks: orders and compares correctly in SQLite.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
