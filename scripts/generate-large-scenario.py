#!/usr/bin/env python3
"""Generates the simulator scenario `large-alb` (src/ChatOpsBot.Simulator/Scenarios/large-alb.json).

One internet-facing ALB, marketplace-alb, in three zones with twelve target groups (six of EC2 instances, six of ECS
task IPs, 25 targets each = 300 targets) behind host/path rules. Everything is healthy except target group
`inventory`, whose health-check path /healthcheck no longer exists after a Spring Boot 3 upgrade (the app now serves
/actuator/health): all 25 inventory targets fail with Target.ResponseCodeMismatch [404]. The ALB fails open for that
group, so its traffic is still served. Expected diagnosis: health-check-misconfigured.

Deterministic: ids are hashes of fixed labels, nothing depends on time or randomness. Re-run after editing:

    python3 scripts/generate-large-scenario.py
"""
import hashlib
import json
import pathlib

NAME = "large-alb"
REGION = "us-east-1"
ACCOUNT = "123456789012"
LB_NAME = "marketplace-alb"
VPC_CIDR = "10.200.0.0/16"
ZONES = [("us-east-1a", "use1-az4"), ("us-east-1b", "use1-az6"), ("us-east-1c", "use1-az1")]
TARGETS_PER_GROUP = 25
BROKEN = "inventory"
INCIDENT_MINUTES = 28

# name, target type, port, host header, path pattern (None = listener default), requests/min
SERVICES = [
    ("storefront", "instance", 8080, "www.example-market.com", None, 9000),
    ("catalog", "ip", 3000, "api.example-market.com", "/catalog/*", 4200),
    ("search", "instance", 8080, "api.example-market.com", "/search/*", 3800),
    ("cart", "ip", 5000, "api.example-market.com", "/cart/*", 1900),
    ("checkout", "instance", 8080, "api.example-market.com", "/checkout/*", 700),
    ("payments", "ip", 8443, "api.example-market.com", "/payments/*", 650),
    ("accounts", "instance", 8080, "api.example-market.com", "/accounts/*", 1200),
    ("reviews", "ip", 9000, "api.example-market.com", "/reviews/*", 800),
    ("inventory", "instance", 8080, "api.example-market.com", "/inventory/*", 1100),
    ("recommendations", "ip", 7000, "api.example-market.com", "/recommendations/*", 1500),
    ("notifications", "instance", 8080, "api.example-market.com", "/notifications/*", 300),
    ("media", "ip", 8000, "media.example-market.com", "/*", 2600),
]


def hexid(label: str, n: int) -> str:
    return hashlib.sha256(f"{NAME}/{label}".encode()).hexdigest()[:n]


def rid(prefix: str, label: str) -> str:
    return f"{prefix}-{hexid(prefix + '/' + label, 17)}"


def arn(resource: str) -> str:
    return f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:{resource}"


def metric(name, dims, values):
    return {"namespace": "AWS/ApplicationELB", "metricName": name, "dimensions": dims, "values": values}


def build() -> dict:
    vpc_id = rid("vpc", "main")
    dopt_id = rid("dopt", "main")
    lb_id = hexid("lb", 16)
    lb_arn = arn(f"loadbalancer/app/{LB_NAME}/{lb_id}")
    lb_dim = f"app/{LB_NAME}/{lb_id}"

    public = {az: rid("subnet", f"public-{az}") for az, _ in ZONES}
    private = {az: rid("subnet", f"app-{az}") for az, _ in ZONES}
    subnets = []
    for i, (az, az_id) in enumerate(ZONES):
        subnets.append({"subnetId": public[az], "vpcId": vpc_id, "availabilityZone": az, "availabilityZoneId": az_id,
                        "cidrBlock": f"10.200.{i}.0/24", "mapPublicIpOnLaunch": True, "tags": {"Name": f"market-public-{az[-1]}"}})
    for i, (az, az_id) in enumerate(ZONES):
        subnets.append({"subnetId": private[az], "vpcId": vpc_id, "availabilityZone": az, "availabilityZoneId": az_id,
                        "cidrBlock": f"10.200.{64 + 16 * i}.0/20", "availableIpAddressCount": 3900, "tags": {"Name": f"market-app-{az[-1]}"}})

    lb_sg = rid("sg", "alb")
    security_groups = [{"groupId": lb_sg, "groupName": f"{LB_NAME}-sg", "description": f"{LB_NAME}: HTTP/HTTPS from the internet",
                        "vpcId": vpc_id, "ipPermissions": [
                            {"ipProtocol": "tcp", "fromPort": 80, "toPort": 80, "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": ["::/0"]},
                            {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": ["::/0"]}]}]

    target_groups, instances, interfaces, rules, metrics = [], [], [], [], []
    managed, outputs = [], {}
    for g, (svc, ttype, port, host, path, rpm) in enumerate(SERVICES):
        sg = rid("sg", svc)
        security_groups.append({"groupId": sg, "groupName": f"market-{svc}-sg", "description": f"{svc}: {port} from {LB_NAME}",
                                "vpcId": vpc_id, "ipPermissions": [
                                    {"ipProtocol": "tcp", "fromPort": port, "toPort": port, "userIdGroupPairs": [lb_sg],
                                     "description": f"traffic and health checks from {LB_NAME}"}]})
        broken = svc == BROKEN
        targets = []
        for t in range(TARGETS_PER_GROUP):
            az = ZONES[t % 3][0]
            zone_index = t % 3
            ip = f"10.200.{64 + 16 * zone_index + g}.{10 + t}"
            if ttype == "instance":
                target_id = rid("i", f"{svc}-{t}")
                instances.append({"instanceId": target_id, "instanceType": "m7g.large", "subnetId": private[az], "privateIpAddress": ip,
                                  "securityGroups": [sg], "networkInterfaceId": rid("eni", f"{svc}-{t}"),
                                  "launchTime": "2026-11-03T06:00:00Z",
                                  "tags": {"Name": f"{svc}-{t + 1:02d}", "aws:autoscaling:groupName": f"market-{svc}-asg"}})
                if broken:
                    managed.append({"instanceId": target_id, "pingStatus": "Online", "agentVersion": "3.3.1142.0",
                                    "platformType": "Linux", "platformName": "Amazon Linux", "platformVersion": "2023"})
                    outputs[target_id] = {
                        "status": "Success", "responseCode": 0, "durationSeconds": 3,
                        "standardOutput": f'LISTEN 0 100 *:{port} *:* users:(("java",pid=2210,fd=38))\nactive\n404\n'
                                          '2026-11-28T13:12:40Z INFO  GET /healthcheck -> 404 Not Found (no handler; try /actuator/health)\n'}
            else:
                target_id = ip
                interfaces.append({"networkInterfaceId": rid("eni", f"{svc}-{t}"), "subnetId": private[az], "vpcId": vpc_id,
                                   "availabilityZone": az, "privateIpAddress": ip, "groups": [sg],
                                   "description": f"arn:aws:ecs:{REGION}:{ACCOUNT}:attachment/{hexid(svc + str(t), 8)}-{hexid(svc + str(t) + 'b', 4)}-4{hexid(svc + str(t) + 'c', 3)}-a{hexid(svc + str(t) + 'd', 3)}-{hexid(svc + str(t) + 'e', 12)}",
                                   "interfaceType": "interface", "requesterManaged": True})
            health = ({"state": "unhealthy", "reason": "Target.ResponseCodeMismatch", "description": "Health checks failed with these codes: [404]"}
                      if broken else {"state": "healthy"})
            targets.append({"id": target_id, "port": port, "availabilityZone": az, "health": health})

        tg_id = hexid(f"tg/{svc}", 16)
        tg_arn = arn(f"targetgroup/{svc}/{tg_id}")
        protocol = "HTTPS" if port == 8443 else "HTTP"
        target_groups.append({
            "name": svc, "arn": tg_arn, "protocol": protocol, "port": port, "vpcId": vpc_id, "targetType": ttype,
            "protocolVersion": "HTTP1",
            "healthCheck": {"enabled": True, "protocol": protocol, "port": "traffic-port",
                            "path": "/healthcheck" if broken else ("/actuator/health" if ttype == "instance" else "/health"),
                            "intervalSeconds": 15, "timeoutSeconds": 5, "healthyThresholdCount": 3, "unhealthyThresholdCount": 2,
                            "matcher": {"httpCode": "200"}},
            "attributes": {"deregistration_delay.timeout_seconds": "60"},
            "targets": targets})
        if path is not None:
            rules.append({"arn": arn(f"listener-rule/app/{LB_NAME}/{lb_id}/{hexid('listener/443', 16)}/{hexid('rule/' + svc, 16)}"),
                          "priority": str(10 * (len(rules) + 1)),
                          "conditions": [{"field": "host-header", "values": [host]}, {"field": "path-pattern", "values": [path]}],
                          "actions": [{"type": "forward", "targetGroupArn": tg_arn}]})

        dims = {"TargetGroup": f"targetgroup/{svc}/{tg_id}", "LoadBalancer": lb_dim}
        n = TARGETS_PER_GROUP
        metrics.append(metric("RequestCount", dims, {"baseline": rpm}))
        metrics.append(metric("HTTPCode_Target_2XX_Count", dims, {"baseline": round(rpm * 0.985)}))
        if broken:
            metrics.append(metric("HealthyHostCount", dims, {"baseline": n, "incident": 0, "incidentMinutes": INCIDENT_MINUTES}))
            metrics.append(metric("UnHealthyHostCount", dims, {"baseline": 0, "incident": n, "incidentMinutes": INCIDENT_MINUTES}))
            metrics.append(metric("UnhealthyRoutingRequestCount", dims, {"incident": rpm, "incidentMinutes": INCIDENT_MINUTES}))
        else:
            metrics.append(metric("HealthyHostCount", dims, {"baseline": n}))
            metrics.append(metric("UnHealthyHostCount", dims, {"baseline": 0}))

    total = sum(s[5] for s in SERVICES)
    lb_dims = {"LoadBalancer": lb_dim}
    metrics += [
        metric("RequestCount", lb_dims, {"baseline": total}),
        metric("HTTPCode_Target_2XX_Count", lb_dims, {"baseline": round(total * 0.985)}),
        metric("HTTPCode_Target_4XX_Count", lb_dims, {"baseline": round(total * 0.014)}),
        metric("HTTPCode_Target_5XX_Count", lb_dims, {"baseline": 6}),
        metric("ActiveConnectionCount", lb_dims, {"baseline": 61000}),
        metric("NewConnectionCount", lb_dims, {"baseline": 7400}),
        metric("ConsumedLCUs", lb_dims, {"baseline": 11.2}),
        metric("PeakLCUs", lb_dims, {"baseline": 16.8}),
    ]

    listener_443 = arn(f"listener/app/{LB_NAME}/{lb_id}/{hexid('listener/443', 16)}")
    load_balancer = {
        "name": LB_NAME, "arn": lb_arn, "type": "application", "scheme": "internet-facing", "vpcId": vpc_id,
        "dnsName": f"{LB_NAME}-{int(hexid('dns', 8), 16) % 2000000000}.{REGION}.elb.amazonaws.com",
        "canonicalHostedZoneId": "Z35SXDOTRQ7X7K", "createdTime": "2024-06-18T12:04:55.120Z", "ipAddressType": "ipv4",
        "state": {"code": "active"},
        "availabilityZones": [{"zoneName": az, "subnetId": public[az], "nodeAddresses": [f"10.200.{i}.{50 + i}"],
                               "publicAddresses": [f"52.{70 + i}.{13 * (i + 1)}.{200 + i}"], "networkInterfaceId": rid("eni", f"node-{az}")}
                              for i, (az, _) in enumerate(ZONES)],
        "securityGroups": [lb_sg],
        "attributes": {"idle_timeout.timeout_seconds": "60", "deletion_protection.enabled": "true"},
        "listeners": [
            {"arn": arn(f"listener/app/{LB_NAME}/{lb_id}/{hexid('listener/80', 16)}"), "port": 80, "protocol": "HTTP",
             "defaultActions": [{"type": "redirect", "redirectConfig": {"protocol": "HTTPS", "port": "443", "statusCode": "HTTP_301"}}]},
            {"arn": listener_443, "port": 443, "protocol": "HTTPS", "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
             "certificates": [f"arn:aws:acm:{REGION}:{ACCOUNT}:certificate/{hexid('cert', 8)}-{hexid('cert2', 4)}-4{hexid('cert3', 3)}-8{hexid('cert4', 3)}-{hexid('cert5', 12)}"],
             "defaultActions": [{"type": "forward", "targetGroupArn": target_groups[0]["arn"]}],
             "rules": rules},
        ],
    }

    broken_tg = next(t for t in target_groups if t["name"] == BROKEN)
    return {
        "name": NAME,
        "description": (
            f"A large marketplace ALB ({LB_NAME}): 12 target groups, {len(SERVICES) * TARGETS_PER_GROUP} targets (6 groups of EC2 "
            "instances, 6 of ECS task IPs) across three zones, host/path rules to each. 28 minutes ago the inventory service was "
            "upgraded to Spring Boot 3, which moved its health endpoint to /actuator/health; target group inventory still checks "
            "/healthcheck, which now answers 404, so all 25 inventory targets are unhealthy with Target.ResponseCodeMismatch [404]. "
            "The application itself is fine: the ALB fails open for the group and its requests are still served "
            "(UnhealthyRoutingRequestCount = the group's traffic, target 2xx normal, no ELB 5xx). Every other group is healthy and "
            "the network is open. Root cause: the health-check path is wrong (health-check-misconfigured); fix with "
            "modify-target-group --health-check-path /actuator/health."),
        "region": REGION,
        "accountId": ACCOUNT,
        "loadBalancers": [load_balancer],
        "targetGroups": target_groups,
        "vpcs": [{"vpcId": vpc_id, "cidrBlock": VPC_CIDR, "dhcpOptionsId": dopt_id, "enableDnsSupport": True, "enableDnsHostnames": True,
                  "tags": {"Name": "marketplace-prod"}}],
        "dhcpOptions": [{"dhcpOptionsId": dopt_id, "configurations": {"domain-name": ["ec2.internal"], "domain-name-servers": ["AmazonProvidedDNS"]}}],
        "subnets": subnets,
        "networkAcls": [{"networkAclId": rid("acl", "default"), "vpcId": vpc_id, "isDefault": True, "associations": [s["subnetId"] for s in subnets],
                         "entries": [{"ruleNumber": 100, "protocol": "-1", "ruleAction": "allow", "egress": egress, "cidrBlock": "0.0.0.0/0"}
                                     for egress in (False, True)]}],
        "securityGroups": security_groups,
        "networkInterfaces": interfaces,
        "instances": instances,
        "ssm": {"managedInstances": managed, "commandOutputs": outputs},
        "metrics": metrics,
        "expect": {
            "rootCause": "health-check-misconfigured",
            "contributing": ["unhealthy-targets"],
            "statuses": {"health-check-misconfigured": "confirmed", "network-blocked": "ruled-out",
                         "no-registered-targets": "ruled-out", "fixed-response": "ruled-out", "lb-capacity": "ruled-out",
                         # 6 target 5xx/min of ~27,750 requests, the same before and during: noise, not a cause
                         "target-errors": "ruled-out"},
            "evidence": [BROKEN, broken_tg["arn"], "/healthcheck", "Target.ResponseCodeMismatch", "[404]"],
        },
    }


def main() -> None:
    out = pathlib.Path(__file__).resolve().parent.parent / "src" / "ChatOpsBot.Simulator" / "Scenarios" / f"{NAME}.json"
    out.write_text(json.dumps(build(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
