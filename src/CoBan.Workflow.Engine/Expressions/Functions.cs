namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// The closed set of functions and methods. Nothing is looked up by reflection: a name that is not
/// listed here is refused when the expression is parsed.
/// </summary>
internal static class Functions
{
    private static readonly FunctionSpec Size = new("size", 1, CollectionFunctions.Size);
    private static readonly FunctionSpec Contains = new("contains", 2, CollectionFunctions.Contains);
    private static readonly FunctionSpec Lower = new("lower", 1, TextFunctions.Lower);
    private static readonly FunctionSpec Upper = new("upper", 1, TextFunctions.Upper);
    private static readonly FunctionSpec Trim = new("trim", 1, TextFunctions.Trim);
    private static readonly FunctionSpec StartsWith = new("startsWith", 2, TextFunctions.StartsWith);
    private static readonly FunctionSpec EndsWith = new("endsWith", 2, TextFunctions.EndsWith);

    private static readonly Dictionary<string, FunctionSpec> ByName = new[]
    {
        new FunctionSpec("now", 0, DateFunctions.Now),
        new FunctionSpec("today", 0, DateFunctions.Today),
        new FunctionSpec("date", 1, DateFunctions.Date),
        new FunctionSpec("addDays", 2, DateFunctions.AddDays),
        new FunctionSpec("addWorkingDays", 2, DateFunctions.AddWorkingDays),
        new FunctionSpec("workingDaysBetween", 2, DateFunctions.WorkingDaysBetween),
        new FunctionSpec("isWorkingDay", 1, DateFunctions.IsWorkingDay),
        Size, new FunctionSpec("length", 1, CollectionFunctions.Size), Contains,
        Lower, Upper, Trim, StartsWith, EndsWith,
        new FunctionSpec("string", 1, ConversionFunctions.String),
        new FunctionSpec("number", 1, ConversionFunctions.Number),
        new FunctionSpec("int", 1, ConversionFunctions.Int),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Java-style methods that Camunda models call on values, mapped onto the functions.</summary>
    private static readonly Dictionary<string, FunctionSpec> MethodsByName = new(StringComparer.Ordinal)
    {
        ["size"] = Size,
        ["length"] = Size,
        ["isEmpty"] = new("isEmpty", 1, CollectionFunctions.IsEmpty),
        ["contains"] = Contains,
        ["equals"] = new("equals", 2, CollectionFunctions.EqualsValue),
        ["startsWith"] = StartsWith,
        ["endsWith"] = EndsWith,
        ["toUpperCase"] = Upper,
        ["toLowerCase"] = Lower,
        ["trim"] = Trim,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static IReadOnlyCollection<string> MethodNames => MethodsByName.Keys;

    public static bool TryGetFunction(string name, out FunctionSpec spec) => ByName.TryGetValue(name, out spec!);

    public static bool TryGetMethod(string name, out FunctionSpec spec) => MethodsByName.TryGetValue(name, out spec!);
}
