namespace Reshore.Monitor;

/// <summary>Company size class by employees (the Eurofound Monitor's classes): small &lt; 50, medium 50–249, large ≥ 250.</summary>
public enum CompanySizeClass
{
    /// <summary>Fewer than 50 employees.</summary>
    Small,
    /// <summary>50 to 249 employees.</summary>
    Medium,
    /// <summary>250 employees or more.</summary>
    Large,
}

/// <summary>The value-chain function that is relocated (Eurofound: production, sourcing, R&amp;D, services; plus logistics and other).</summary>
public enum BusinessFunction
{
    /// <summary>Own production or assembly.</summary>
    Production,
    /// <summary>Purchasing of parts or finished goods.</summary>
    Sourcing,
    /// <summary>Research and development.</summary>
    RandD,
    /// <summary>Services (customer service, IT, back office).</summary>
    Services,
    /// <summary>Warehousing and distribution.</summary>
    Logistics,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>The kind of move, derived by <see cref="ReshoringTypeRule"/> or set by hand.</summary>
public enum ReshoringType
{
    /// <summary>Back to the company's home country.</summary>
    Backshoring,
    /// <summary>To a country near home (Europe and its rim), not home itself.</summary>
    Nearshoring,
    /// <summary>Neither: the destination is neither home nor near home (e.g. a non-European company moving to Europe from elsewhere).</summary>
    Other,
    /// <summary>Not a reshoring move: an offshoring case (<see cref="CaseDirection.Offshoring"/>), recorded for the net balance.</summary>
    Offshoring,
}

/// <summary>Which way the activity moves. The monitor records offshoring cases too, so that the net balance of cases and jobs shows.</summary>
public enum CaseDirection
{
    /// <summary>Back home or near home (the monitor's subject).</summary>
    Reshoring,
    /// <summary>Away from home to another country (jobs lost at home).</summary>
    Offshoring,
}

/// <summary>
/// Eurostat's distinction in its international sourcing survey (SERV study lines 1048–1060): backshoring brings back an activity
/// the company had moved abroad itself (its own affiliate); home-shoring ("international relocation" back) brings home work that a
/// third party did abroad. Derived from the governance model; a case may override it.
/// </summary>
public enum EurostatKind
{
    /// <summary>The company's own activity abroad comes back (Eurostat "backsourcing").</summary>
    Backshoring,
    /// <summary>Work done abroad by a third party comes home (Eurostat "international relocation").</summary>
    HomeShoring,
}

/// <summary>What became of a reshoring move later.</summary>
public enum ReversalKind
{
    /// <summary>The activity moved away again (e.g. Adidas' Speedfactories, closed 2019–2020).</summary>
    Reversed,
    /// <summary>The announced move was never carried out.</summary>
    Abandoned,
}

/// <summary>The effect of the move on one scorecard criterion, expected or achieved.</summary>
public enum OutcomeEffect
{
    /// <summary>Worse than before the move.</summary>
    Worse,
    /// <summary>No clear change.</summary>
    Unchanged,
    /// <summary>Better than before the move.</summary>
    Better,
}

/// <summary>Where a case stands in the review workflow.</summary>
public enum CaseStatus
{
    /// <summary>Being written by an editor; not public.</summary>
    Draft,
    /// <summary>Submitted for review; not public.</summary>
    InReview,
    /// <summary>Checked by a reviewer; public and counted in public statistics.</summary>
    Published,
    /// <summary>Taken out of publication (kept for the audit trail); not public.</summary>
    Withdrawn,
}

/// <summary>Who acts on the monitor.</summary>
public enum MonitorRole
{
    /// <summary>A visitor who is not signed in: sees published cases only, changes nothing.</summary>
    Anonymous,
    /// <summary>Creates drafts, edits own drafts, submits them for review.</summary>
    Editor,
    /// <summary>Publishes, sends back to draft, withdraws.</summary>
    Reviewer,
    /// <summary>Everything.</summary>
    Admin,
}

/// <summary>An action of the review workflow.</summary>
public enum WorkflowAction
{
    /// <summary>Create a new draft.</summary>
    Create,
    /// <summary>Change fields of a case (drafts for editors; any status for admins).</summary>
    Edit,
    /// <summary>Draft → in review.</summary>
    Submit,
    /// <summary>In review → published.</summary>
    Publish,
    /// <summary>In review or published → draft.</summary>
    SendBack,
    /// <summary>Published → withdrawn.</summary>
    Withdraw,
    /// <summary>Withdrawn → published again.</summary>
    Republish,
}
