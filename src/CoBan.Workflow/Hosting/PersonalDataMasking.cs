using Serilog.Core;
using Serilog.Events;

namespace CoBan.Workflow.Hosting;

/// <summary>
/// Keeps ID card numbers and mobile phone numbers out of the logs: any logged text that looks like
/// one is masked with <see cref="PersonalData.Mask"/> before a sink sees it.
/// </summary>
public sealed class PersonalDataMasking : ILogEventEnricher
{
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
        ScalarValue { Value: string s } when PersonalData.Mask(s) is var m && m != s => new ScalarValue(m),
        SequenceValue seq => new SequenceValue(seq.Elements.Select(MaskValue)),
        StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, MaskValue(p.Value))), st.TypeTag),
        _ => value,
    };
}
