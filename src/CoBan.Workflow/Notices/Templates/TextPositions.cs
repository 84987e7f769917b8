namespace CoBan.Workflow.Notices;

/// <summary>1-based line and column of an offset in a template's text, for problems shown to administrators.</summary>
public static class TextPositions
{
    public static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var k = 0; k < text.Length; k++)
            if (text[k] == '\n') starts.Add(k + 1);
        return starts;
    }

    public static (int Line, int Column) Position(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - lineStarts[index] + 1);
    }
}
