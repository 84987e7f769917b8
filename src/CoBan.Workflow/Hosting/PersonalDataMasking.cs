using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CoBan.Workflow.Hosting;

/// <summary>
/// Keeps ID card numbers and mobile phone numbers out of the logs: any logged text that looks like
/// one is masked (110105********1234, 138****5678) before a sink sees it. Mobiles are recognised with
/// a country code (+86, 0086, 86) and with spaces or hyphens between the groups ("+86 138-0013-8000");
/// ID card numbers in both the 18-digit and the old 15-digit form.
/// </summary>
public sealed partial class PersonalDataMasking : ILogEventEnricher
{
    [GeneratedRegex(@"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<![\d*])(\d{6})\d{6}(\d{3})(?![\dXx*])")]
    private static partial Regex OldIdCard();

    [GeneratedRegex(@"(?<!\d)((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")]
    private static partial Regex Mobile();

    public static string Mask(string text) =>
        Mobile().Replace(OldIdCard().Replace(IdCard().Replace(text, "$1********$2"), "$1******$2"), "$1$2****$3");

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = MaskValue(value);
            if (!ReferenceEquals(masked, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
        }
    }

    private static LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } when Mask(s) is var m && m != s => new ScalarValue(m),
        SequenceValue seq => new SequenceValue(seq.Elements.Select(MaskValue)),
        StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, MaskValue(p.Value))), st.TypeTag),
        _ => value,
    };
}
