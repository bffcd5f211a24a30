// What the approval tests share.
global using System.Net;
global using System.Net.Http.Json;
global using Greenlight.Modules.Access.Contracts;
global using Greenlight.Modules.Review.Approvals;
global using Greenlight.Review.Tests.Support;
global using Greenlight.Testing;
global using Greenlight.Testing.Smtp;
global using static Greenlight.Review.Tests.Support.Bodies;
