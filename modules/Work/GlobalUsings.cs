// What nearly every feature file of the module uses.
global using System.Text.Json.Serialization;
global using FluentValidation;
global using Greenlight.Kernel.Errors;
global using Greenlight.Kernel.Grains;
global using Greenlight.Kernel.Http;
global using MediatR;
global using Greenlight.Kernel.Outbox;
global using Greenlight.Kernel.Security;
global using Greenlight.Kernel.Storage;
global using Greenlight.Modules.Access.Contracts;
global using Greenlight.Modules.Work.Common;
global using Greenlight.Modules.Work.Contracts;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Routing;
global using Orleans.Concurrency;
