namespace CoBan.Workflow.Cases;

/// <summary>How a case is classified at registration (登记受理, seed 000): exactly one category.</summary>
public enum CaseCategory
{
    /// <summary>自办件（受理件）: in this bureau's scope.</summary>
    Own = 1,
    /// <summary>联办件: the procedure involves two or more bureaus, this one among them.</summary>
    Joint = 2,
    /// <summary>移办件: not in this bureau's scope; transferred to the competent bureau.</summary>
    Transfer = 3,
}

/// <summary>How an own case is handled (seed 000).</summary>
public enum CaseKind
{
    /// <summary>提示件: materials incomplete → one-time written notice of everything missing.</summary>
    Notice = 1,
    /// <summary>即办件: answered and completed the same day or on the spot.</summary>
    Immediate = 2,
    /// <summary>承诺件: needs inspection, testing or approval → receipt with the committed deadline.</summary>
    Commitment = 3,
    /// <summary>退回件: prohibited or non-compliant → rejection feedback with reasons and legal basis.</summary>
    Returned = 4,
}

/// <summary>Service modes (seed 003).</summary>
public enum ServiceMode
{
    /// <summary>导办: answer questions, plan materials, process and schedule.</summary>
    Guide = 1,
    /// <summary>领办: walk the applicant to the right window.</summary>
    Lead = 2,
    /// <summary>协办: help fill forms, submit online.</summary>
    Assist = 3,
    /// <summary>联办: contact several departments, joint meetings, parallel approval.</summary>
    Joint = 4,
    /// <summary>转办: transfer across levels, and track it.</summary>
    Transfer = 5,
    /// <summary>代办: on the applicant's written entrustment (代办不包办: legal responsibility does not move).</summary>
    Agency = 6,
}

public enum ApplicantType { Person = 1, Enterprise = 2 }

/// <summary>
/// Case statuses, the common coding of government platforms (DOMAIN.md): 已接件, 已撤件, 已受理,
/// 不受理/不予受理, 补正开始/补正结束, 部门开始办理, 特别程序开始/结束, 办结（通过/容缺通过/不通过）, 撤回, 撤销.
/// </summary>
public enum CaseStatus
{
    Received = 1,           // 已接件
    Withdrawn = 2,          // 已撤件
    Accepted = 3,           // 已受理
    NotAccepted = 4,        // 不予受理
    SupplementStarted = 5,  // 补正开始
    SupplementEnded = 6,    // 补正结束
    Handling = 7,           // 部门开始办理
    SpecialStarted = 8,     // 特别程序开始
    SpecialEnded = 9,       // 特别程序结束
    CompletedApproved = 10, // 办结（通过）
    CompletedTolerant = 11, // 办结（容缺通过）
    CompletedRejected = 12, // 办结（不通过）
    Recalled = 13,          // 撤回
    Revoked = 14,           // 撤销
    Transferred = 15,       // 已移交（移办件交接完成）
    HandedOver = 16,        // 已转下一环节（联办件本环节完成）
    NotReceived = 17,       // 不受理（移办被拒后结案：本单位无权受理且无单位接收）
    TransferTracking = 18,  // 已转办（跨层级转办，本单位跟踪督促中）
}

public static class CaseLabels
{
    public static string Zh(this CaseStatus s) => s switch
    {
        CaseStatus.Received => "已接件",
        CaseStatus.Withdrawn => "已撤件",
        CaseStatus.Accepted => "已受理",
        CaseStatus.NotAccepted => "不予受理",
        CaseStatus.SupplementStarted => "补正开始",
        CaseStatus.SupplementEnded => "补正结束",
        CaseStatus.Handling => "部门开始办理",
        CaseStatus.SpecialStarted => "特别程序开始",
        CaseStatus.SpecialEnded => "特别程序结束",
        CaseStatus.CompletedApproved => "办结（通过）",
        CaseStatus.CompletedTolerant => "办结（容缺通过）",
        CaseStatus.CompletedRejected => "办结（不通过）",
        CaseStatus.Recalled => "撤回",
        CaseStatus.Revoked => "撤销",
        CaseStatus.Transferred => "已移交",
        CaseStatus.HandedOver => "已转下一环节",
        CaseStatus.NotReceived => "不受理",
        CaseStatus.TransferTracking => "已转办（跟踪中）",
        _ => s.ToString(),
    };

    public static string Zh(this CaseCategory c) => c switch { CaseCategory.Own => "自办件", CaseCategory.Joint => "联办件", _ => "移办件" };
    public static string Zh(this CaseKind k) => k switch { CaseKind.Notice => "提示件", CaseKind.Immediate => "即办件", CaseKind.Commitment => "承诺件", _ => "退回件" };
    public static string Zh(this ServiceMode m) => m switch
    {
        ServiceMode.Guide => "导办", ServiceMode.Lead => "领办", ServiceMode.Assist => "协办",
        ServiceMode.Joint => "联办", ServiceMode.Transfer => "转办", _ => "代办",
    };

    public static bool IsFinal(this CaseStatus s) => s is CaseStatus.Withdrawn or CaseStatus.NotAccepted or CaseStatus.CompletedApproved
        or CaseStatus.CompletedTolerant or CaseStatus.CompletedRejected or CaseStatus.Recalled or CaseStatus.Revoked
        or CaseStatus.Transferred or CaseStatus.HandedOver or CaseStatus.NotReceived;

    /// <summary>The three 办结 statuses: the matter itself was decided.</summary>
    public static bool IsCompletion(this CaseStatus s) => s is CaseStatus.CompletedApproved or CaseStatus.CompletedTolerant or CaseStatus.CompletedRejected;

    /// <summary>
    /// 好差评 rates a service the applicant received. A revoked case (撤销: registered in error) was no
    /// service at all, so it takes no evaluation and can open no rectification (issue 21).
    /// </summary>
    public static bool CanBeEvaluated(this CaseStatus s) => s.IsFinal() && s != CaseStatus.Revoked;

    /// <summary>Before acceptance (已受理) a withdrawal is 已撤件; after it, 撤回.</summary>
    public static bool IsBeforeAcceptance(this CaseStatus s) => s is CaseStatus.Received or CaseStatus.SupplementStarted or CaseStatus.SupplementEnded;
}
