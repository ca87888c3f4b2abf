namespace Peregrine.Engine.Tests;
