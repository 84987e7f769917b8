namespace CoBan.Workflow.Opinions;

/// <summary>CoBan:Opinions. The source documents ask for answers but set no time: five working days is this product's default.</summary>
public sealed class OpinionOptions
{
    public const string Section = "CoBan:Opinions";

    /// <summary>Working days (of the bureau's calendar) to answer an entry, counted from the day it was received.</summary>
    public int AnswerWorkingDays { get; set; } = 5;
}
