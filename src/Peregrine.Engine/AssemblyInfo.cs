namespace Peregrine.Engine;
