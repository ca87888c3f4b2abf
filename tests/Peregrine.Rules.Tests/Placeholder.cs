namespace Peregrine.Rules.Tests;
