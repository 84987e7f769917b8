namespace CoBan.Workflow.Bureaus;

/// <summary>Levels of the service hierarchy (seed 004): city/district centre → street/town centre → community/village station.</summary>
public enum BureauLevel
{
    /// <summary>市/区政务服务中心 and the department windows in it.</summary>
    CityCentre = 1,
    /// <summary>街道/乡镇行政服务中心.</summary>
    TownCentre = 2,
    /// <summary>社区/村便民服务站.</summary>
    VillageStation = 3,
}

/// <summary>A bureau (单位/部门/窗口单位): owns matters, procedures, users and cases.</summary>
public sealed class Bureau
{
    public long Id { get; set; }
    /// <summary>Short stable code used in URLs and case numbers, e.g. "SJ-SCJG".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public BureauLevel Level { get; set; }
    public long? ParentId { get; set; }
    public string? Address { get; set; }
    /// <summary>Windows, rooms and phones as shown on the notice board, e.g. "3 号窗口, 201 室".</summary>
    public string? Windows { get; set; }
    public string? Phone { get; set; }
    /// <summary>纪检监察/作风办 supervision and complaint hotline, published with the duty board (seeds 000, 001).</summary>
    public string? SupervisionHotline { get; set; }
    public string? Website { get; set; }
    /// <summary>Opening hours as posted, e.g. "工作日 8:30-12:00，13:30-17:30".</summary>
    public string? ServiceHours { get; set; }
    /// <summary>Working days a bad review (差评) must be verified, rectified and answered in (国办发〔2019〕51号: set locally, 5 or 15 in use).</summary>
    public int RectificationWorkingDays { get; set; } = 5;
    /// <summary>
    /// Whether the public duty board shows the mobiles of the staff on duty. Seed 001 publishes them; a
    /// bureau decides, and without its choice no mobile ever leaves through the public API (issue 21).
    /// </summary>
    public bool PublishDutyMobiles { get; set; }
    public bool Active { get; set; } = true;
}
