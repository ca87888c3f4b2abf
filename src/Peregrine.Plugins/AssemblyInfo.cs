namespace Peregrine.Plugins;
