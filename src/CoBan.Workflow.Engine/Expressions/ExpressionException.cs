namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Every failure of the expression language, at parse or evaluation time. The message is bilingual
/// because it reaches both administrators (Chinese) and logs read by developers (English).
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string messageZh, string messageEn, int position = -1, Exception? innerException = null)
        : base($"{messageZh} / {messageEn}", innerException)
    {
        MessageZh = messageZh;
        MessageEn = messageEn;
        Position = position;
    }

    public string MessageZh { get; }

    public string MessageEn { get; }

    /// <summary>0-based character offset in <see cref="Expression.Text"/>; -1 when the error has no position.</summary>
    public int Position { get; }
}
