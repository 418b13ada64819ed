using System.Globalization;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>
/// The review workflow draft → in review → published (→ withdrawn), as pure functions: each call checks the actor's role and the
/// case, and returns the new record (Version + 1) with an <see cref="AuditEntry"/>, or a refusal. Time comes from the injected
/// <see cref="TimeProvider"/>. Rights:
/// editor — create drafts, edit own drafts, submit own drafts;
/// reviewer — publish, send back to draft, withdraw, republish, and submit;
/// admin — everything, including editing a case in any status.
/// Only published cases are public (<see cref="IsVisible"/>). With the two-person rule (<paramref name="twoPersonRule"/>, on by
/// default in the web app and configurable per deployment) nobody publishes a case they drafted, an admin included: a second
/// person checks every published case.
/// </summary>
public sealed class MonitorWorkflow(TimeProvider clock, bool twoPersonRule = false)
{
    /// <summary>True when publishing needs a second person.</summary>
    public bool TwoPersonRule => twoPersonRule;

    /// <summary>True when the two-person rule keeps this actor from taking this action on this case (publishing what they drafted).</summary>
    public static bool BlockedByTwoPersonRule(bool rule, MonitorActor actor, WorkflowAction action, MonitorCase? current) =>
        rule && action is WorkflowAction.Publish or WorkflowAction.Republish && current?.CreatedBy is { } drafter && drafter == actor.UserId;

    /// <summary>Creates a draft: status Draft, version 1, <see cref="MonitorCase.CreatedBy"/> = actor. A Guid.Empty id gets a new one.</summary>
    public WorkflowResult Create(MonitorActor actor, MonitorCase draft, CultureInfo culture)
    {
        if (actor.Role is MonitorRole.Anonymous) return Refuse(culture, actor, WorkflowAction.Create, null);
        var created = draft with
        {
            Id = draft.Id == Guid.Empty ? Guid.NewGuid() : draft.Id,
            Status = CaseStatus.Draft,
            Version = 1,
            CreatedBy = actor.UserId,
            IsSeed = draft.IsSeed && actor.Role == MonitorRole.Admin,
        };
        var errors = MonitorCaseValidator.ValidateDraft(created, culture);
        if (errors.Count > 0) return Invalid(culture, errors);
        return Done(actor, WorkflowAction.Create, null, created, Diff(null, created), null);
    }

    /// <summary>Replaces the fields of <paramref name="current"/> with those of <paramref name="edited"/> (identity, status, version,
    /// creator and seed marker are kept from <paramref name="current"/>).</summary>
    public WorkflowResult Edit(MonitorActor actor, MonitorCase current, MonitorCase edited, CultureInfo culture, string? comment = null)
    {
        if (!IsAllowed(actor, WorkflowAction.Edit, current)) return Refuse(culture, actor, WorkflowAction.Edit, current);
        var next = edited with { Id = current.Id, Status = current.Status, Version = current.Version + 1, CreatedBy = current.CreatedBy, IsSeed = current.IsSeed };
        var errors = current.Status is CaseStatus.Draft ? MonitorCaseValidator.ValidateDraft(next, culture) : MonitorCaseValidator.ValidateComplete(next, culture);
        if (errors.Count > 0) return Invalid(culture, errors);
        var changes = Diff(current, next);
        if (changes.Count == 0) return new WorkflowResult { Refusal = Text.Get(culture, "Mon_Wf_NoChange", "Nothing was changed.") };
        return Done(actor, WorkflowAction.Edit, current.Status, next, changes, comment);
    }

    /// <summary>Applies a status action (<see cref="WorkflowAction.Submit"/>, Publish, SendBack, Withdraw, Republish).</summary>
    public WorkflowResult Apply(MonitorActor actor, MonitorCase current, WorkflowAction action, CultureInfo culture, string? comment = null)
    {
        if (action is WorkflowAction.Create or WorkflowAction.Edit)
            throw new ArgumentException($"Use Create or Edit for {action}.", nameof(action));
        if (Target(action, current.Status) is not { } to)
            return new WorkflowResult
            {
                Refusal = Text.Format(culture, "Mon_Wf_BadTransition", "A case that is {0} cannot be {1}.", StatusLabel(culture, current.Status), ActionLabel(culture, action)),
            };
        if (!IsAllowed(actor, action, current)) return Refuse(culture, actor, action, current);
        if (BlockedByTwoPersonRule(twoPersonRule, actor, action, current))
            return new WorkflowResult
            {
                Refusal = Text.Get(culture, "Mon_Wf_TwoPerson", "Two-person rule: you drafted this case, so someone else must publish it."),
                BlockedByTwoPersonRule = true,
            };
        if (to is CaseStatus.InReview or CaseStatus.Published)
        {
            var errors = MonitorCaseValidator.ValidateComplete(current, culture);
            if (errors.Count > 0) return Invalid(culture, errors);
        }
        var next = current with { Status = to, Version = current.Version + 1 };
        return Done(actor, action, current.Status, next, [new FieldChange(MonitorColumns.Status, current.Status.ToString(), to.ToString())], comment);
    }

    /// <summary>The status an action leads to from a status, or null when the action does not apply there.</summary>
    public static CaseStatus? Target(WorkflowAction action, CaseStatus from) => (action, from) switch
    {
        (WorkflowAction.Submit, CaseStatus.Draft) => CaseStatus.InReview,
        (WorkflowAction.Publish, CaseStatus.InReview) => CaseStatus.Published,
        (WorkflowAction.SendBack, CaseStatus.InReview or CaseStatus.Published or CaseStatus.Withdrawn) => CaseStatus.Draft,
        (WorkflowAction.Withdraw, CaseStatus.Published) => CaseStatus.Withdrawn,
        (WorkflowAction.Republish, CaseStatus.Withdrawn) => CaseStatus.Published,
        _ => null,
    };

    /// <summary>Whether the role may take the action on this case (status checks of <see cref="Target"/> aside; for Create pass null).</summary>
    public static bool IsAllowed(MonitorActor actor, WorkflowAction action, MonitorCase? current)
    {
        var own = current is not null && current.CreatedBy is not null && current.CreatedBy == actor.UserId;
        return actor.Role switch
        {
            MonitorRole.Admin => true,
            MonitorRole.Reviewer => action is WorkflowAction.Create or WorkflowAction.Submit or WorkflowAction.Publish or WorkflowAction.SendBack
                or WorkflowAction.Withdraw or WorkflowAction.Republish
                || (action is WorkflowAction.Edit && current?.Status is CaseStatus.Draft or CaseStatus.InReview),
            MonitorRole.Editor => action is WorkflowAction.Create
                || (action is WorkflowAction.Edit or WorkflowAction.Submit && own && current!.Status == CaseStatus.Draft),
            _ => false,
        };
    }

    /// <summary>Whether a viewer sees a case: everybody sees published cases; signed-in editors, reviewers and admins see all.</summary>
    public static bool IsVisible(MonitorCase c, MonitorActor? viewer) =>
        c.Status == CaseStatus.Published || viewer?.Role is MonitorRole.Editor or MonitorRole.Reviewer or MonitorRole.Admin;

    /// <summary>The cases a viewer may see.</summary>
    public static IEnumerable<MonitorCase> VisibleTo(IEnumerable<MonitorCase> cases, MonitorActor? viewer) => cases.Where(c => IsVisible(c, viewer));

    /// <summary>The fields that differ between two versions (all filled-in fields when <paramref name="before"/> is null).</summary>
    public static IReadOnlyList<FieldChange> Diff(MonitorCase? before, MonitorCase after)
    {
        var a = MonitorColumns.ToRow(after);
        var b = before is null ? null : MonitorColumns.ToRow(before).ToDictionary(kv => kv.Key, kv => kv.Value);
        var skip = new[] { MonitorColumns.Version, MonitorColumns.Type };
        return a.Where(kv => !skip.Contains(kv.Key))
            .Where(kv => b is null ? kv.Value.Length > 0 : b[kv.Key] != kv.Value)
            .Select(kv => new FieldChange(kv.Key, b?[kv.Key], kv.Value))
            .ToList();
    }

    /// <summary>The name of a status in the culture.</summary>
    public static string StatusLabel(CultureInfo culture, CaseStatus status) => status switch
    {
        CaseStatus.Draft => Text.Get(culture, "Mon_Status_Draft", "draft"),
        CaseStatus.InReview => Text.Get(culture, "Mon_Status_InReview", "in review"),
        CaseStatus.Published => Text.Get(culture, "Mon_Status_Published", "published"),
        _ => Text.Get(culture, "Mon_Status_Withdrawn", "withdrawn"),
    };

    /// <summary>The name of an action in the culture (as a past participle: "published").</summary>
    public static string ActionLabel(CultureInfo culture, WorkflowAction action) => action switch
    {
        WorkflowAction.Create => Text.Get(culture, "Mon_Action_Create", "created"),
        WorkflowAction.Edit => Text.Get(culture, "Mon_Action_Edit", "edited"),
        WorkflowAction.Submit => Text.Get(culture, "Mon_Action_Submit", "submitted for review"),
        WorkflowAction.Publish => Text.Get(culture, "Mon_Action_Publish", "published"),
        WorkflowAction.SendBack => Text.Get(culture, "Mon_Action_SendBack", "sent back to draft"),
        WorkflowAction.Withdraw => Text.Get(culture, "Mon_Action_Withdraw", "withdrawn"),
        _ => Text.Get(culture, "Mon_Action_Republish", "published again"),
    };

    private static string RoleLabel(CultureInfo culture, MonitorRole role) => role switch
    {
        MonitorRole.Editor => Text.Get(culture, "Mon_Role_Editor", "an editor"),
        MonitorRole.Reviewer => Text.Get(culture, "Mon_Role_Reviewer", "a reviewer"),
        MonitorRole.Admin => Text.Get(culture, "Mon_Role_Admin", "an admin"),
        _ => Text.Get(culture, "Mon_Role_Anonymous", "a visitor who is not signed in"),
    };

    private static WorkflowResult Refuse(CultureInfo culture, MonitorActor actor, WorkflowAction action, MonitorCase? current)
    {
        var why = actor.Role == MonitorRole.Editor && current is not null && current.CreatedBy != actor.UserId && action is WorkflowAction.Edit or WorkflowAction.Submit
            ? Text.Get(culture, "Mon_Wf_NotOwn", "Editors may only change their own drafts.")
            : actor.Role == MonitorRole.Editor && current is not null && current.Status != CaseStatus.Draft && action is WorkflowAction.Edit or WorkflowAction.Submit
                ? Text.Get(culture, "Mon_Wf_OnlyDrafts", "Editors may only change drafts; ask a reviewer to send the case back to draft.")
                : "";
        var refusal = Text.Format(culture, "Mon_Wf_NotAllowed", "As {0} you may not do this: a case can only be {1} by {2}.", RoleLabel(culture, actor.Role), ActionLabel(culture, action),
            action is WorkflowAction.Create or WorkflowAction.Edit or WorkflowAction.Submit
                ? Text.Get(culture, "Mon_Wf_WhoEdits", "an editor, a reviewer or an admin")
                : Text.Get(culture, "Mon_Wf_WhoReviews", "a reviewer or an admin"));
        return new WorkflowResult { Refusal = why.Length > 0 ? why : refusal };
    }

    private static WorkflowResult Invalid(CultureInfo culture, IReadOnlyList<MonitorError> errors) => new()
    {
        Refusal = Text.Format(culture, "Mon_Wf_Invalid", "The case has {0} error(s): {1}", errors.Count, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))),
        Errors = errors,
    };

    private WorkflowResult Done(MonitorActor actor, WorkflowAction action, CaseStatus? from, MonitorCase next, IReadOnlyList<FieldChange> changes, string? comment) => new()
    {
        Case = next,
        Audit = new AuditEntry(next.Id, next.Version, actor.UserId, actor.Role, clock.GetUtcNow(), action, from, next.Status, changes, comment),
    };
}
