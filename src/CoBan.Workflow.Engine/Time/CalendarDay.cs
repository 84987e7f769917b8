namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// One listed day of an official calendar year: a public holiday (<see cref="IsOffDay"/> true) or an
/// adjusted working weekend, 调休 (<see cref="IsOffDay"/> false). Days not listed follow the weekday
/// rule (Monday to Friday work, weekends off).
/// </summary>
public readonly record struct CalendarDay(DateOnly Date, string Name, bool IsOffDay);
