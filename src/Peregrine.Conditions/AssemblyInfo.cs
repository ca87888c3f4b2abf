namespace Peregrine.Conditions;
