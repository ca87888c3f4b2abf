namespace Peregrine.Engine.Listing;

/// <summary>
/// What a listing printed on stdout before it ended, and the error it ended with, if any (Falco
/// prints part of some listings before failing, e.g. <c>--plugin-info</c> when init fails).
/// </summary>
public sealed record ListingOutcome(string Output, FatalError? Error = null);
