namespace Peregrine.Plugins.Tests;
