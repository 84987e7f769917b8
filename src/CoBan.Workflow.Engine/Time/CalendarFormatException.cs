namespace CoBan.Workflow.Engine.Time;

/// <summary>Calendar data an administrator supplied is wrong; the message (Chinese / English) names the bad entry.</summary>
public sealed class CalendarFormatException(string message) : FormatException(message);
